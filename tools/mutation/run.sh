#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the local tool in .config/dotnet-tools.json): mutates one assembly and
# runs its tests against each mutant. Not part of CI (minutes on two cores, see docs/mutation-testing.md).
#   bash tools/mutation/run.sh architecture   # src/TrapGen.Architecture, by tests/TrapGen.Architecture.Tests
#   bash tools/mutation/run.sh runtime        # src/TrapGen.Runtime, by tests/TrapGen.Runtime.Tests (no QEMU tests)
# Extra arguments go to Stryker (e.g. --concurrency 2, --since:main). The report is written to
# artifacts/mutation/<target>/reports/mutation-report.html (and .json).
set -euo pipefail
cd "$(dirname "$0")/../.."

case "${1:-}" in
  architecture) tests=tests/TrapGen.Architecture.Tests ;;
  runtime) tests=tests/TrapGen.Runtime.Tests ;;
  *) echo "usage: bash tools/mutation/run.sh architecture|runtime [stryker options]" >&2; exit 2 ;;
esac
target=$1
shift

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
rm -rf "artifacts/mutation/$target"
cd "$tests"
# Stryker runs from the test project (in the repository root it would see TrapGen.sln and mutate every project).
dotnet stryker --config-file "../../tools/mutation/$target.json" --output "../../artifacts/mutation/$target" --skip-version-check "$@"
