#!/usr/bin/env bash
# Builds the Tansiq .NET tool package into artifacts/ (Release).
# Install it with:   dotnet tool install --global --add-source "$(pwd)/artifacts" Tansiq
# (or --tool-path DIR for a private install); then `tansiq --help` works from anywhere.
# TANSIQ_PACK_OUT=DIR puts the package there instead of artifacts/; TANSIQ_PACK_BUILD=DIR builds in DIR (dotnet's
# --artifacts-path), apart from the repository's bin/ and obj/ (the install test uses both).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="${TANSIQ_PACK_OUT:-$root/artifacts}"
mkdir -p "$out"
build=()
if [ -n "${TANSIQ_PACK_BUILD:-}" ]; then
  build=(--artifacts-path "$TANSIQ_PACK_BUILD")
fi
dotnet pack "$root/src/Tansiq.Cli/Tansiq.Cli.csproj" -c Release -o "$out" "${build[@]}" --nologo -v q "$@"
ls -1 "$out"/Tansiq.*.nupkg
