#!/usr/bin/env bash
# The test command: builds the solution and runs every test suite, then prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p out/test-results
rm -f out/test-results/*.trx
passed=0; failed=0; status=0

dotnet restore GlossaryLsp.sln >out/restore.log 2>&1 || { cat out/restore.log; echo "0 passed, 1 failed"; exit 1; }
dotnet build GlossaryLsp.sln -c Release --no-restore -v q -nologo >out/build.log 2>&1 || { grep -E "error" out/build.log | head -50; echo "0 passed, 1 failed"; exit 1; }
dotnet test GlossaryLsp.sln -c Release --no-build --logger "trx;LogFileName=dotnet.trx" --results-directory out/test-results || status=1
if [ -f out/test-results/dotnet.trx ]; then
  p=$(grep -o 'passed="[0-9]*"' out/test-results/dotnet.trx | head -1 | grep -o '[0-9]*'); f=$(grep -o 'failed="[0-9]*"' out/test-results/dotnet.trx | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
else
  failed=$((failed + 1))
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
