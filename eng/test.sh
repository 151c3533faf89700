#!/usr/bin/env bash
# The whole test suite: every *.Tests project in the solution, in Release.
# Installs what the tests need beyond the .NET SDK (none yet) before running them.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cd "$root"
dotnet build Tansiq.slnx -c Release --nologo -v q || exit 1
dotnet test Tansiq.slnx -c Release --no-build --nologo "$@"
