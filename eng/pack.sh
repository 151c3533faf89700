#!/usr/bin/env bash
# Builds the Tansiq .NET tool package into artifacts/ (Release).
# Install it with:   dotnet tool install --global --add-source "$(pwd)/artifacts" Tansiq
# (or --tool-path DIR for a private install); then `tansiq --help` works from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts"
mkdir -p "$out"
dotnet pack "$root/src/Tansiq.Cli/Tansiq.Cli.csproj" -c Release -o "$out" --nologo -v q "$@"
ls -1 "$out"/Tansiq.*.nupkg
