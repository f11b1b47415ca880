#!/usr/bin/env bash
# The test command. Restores and builds the solution, then runs every suite and prints one line
# "N passed, N failed" last, summed over:
#   1. the .NET tests (xunit: core, rules, linker, features, server in-process, CLI in-process)
#   2. the VS Code extension's unit tests (node --test)
#   3. the end-to-end tests of the real `glossary serve` process driven by vscode-jsonrpc (node --test)
#   3b. as users meet it (tests/ecosystem): README's install commands (dotnet pack + dotnet tool install), the
#       GitHub Action's script with SARIF checked by @microsoft/sarif-multitool, the pre-commit hooks (try-repo)
#   3c. `glossary mcp` driven by the official MCP TypeScript client (tests/mcp, node --test)
#   4. the VS Code extension in a real VS Code (code-server + Chromium); GLOSSARY_SKIP_VSCODE_E2E=1 skips it
#   5. the differential test of GL0013's prh findings against the real prh 5.4.4 (tests/prh-diff)
# Logs go to out/ (git-ignored). Exit status 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p out/test-results
rm -f out/test-results/*.trx
passed=0; failed=0

count() { # adds the last "N passed, N failed" line of a log; a suite without one counts as one failure
  local line
  line=$(grep -E '^([A-Za-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  if [ -z "$line" ]; then echo "test.sh: $2 printed no result line (see $1)" >&2; failed=$((failed + 1)); return; fi
  local p f
  p=$(echo "$line" | sed -E 's/.*\b([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
  echo "test.sh: $2: $p passed, $f failed" >&2
  passed=$((passed + p)); failed=$((failed + f))
}

echo "== restore and build" >&2
if ! dotnet restore GlossaryLsp.sln >out/restore.log 2>&1; then cat out/restore.log; echo "0 passed, 1 failed"; exit 1; fi
if ! dotnet build GlossaryLsp.sln -c Release --no-restore -v q -nologo >out/build.log 2>&1; then
  grep -E ": error " out/build.log | sort -u | head -50; echo "0 passed, 1 failed"; exit 1
fi

echo "== .NET tests" >&2
dotnet test GlossaryLsp.sln -c Release --no-build --logger "trx;LogFileName=dotnet.trx" --results-directory out/test-results >out/dotnet-test.log 2>&1
grep -E "^\s+Failed |Error Message|Passed!|Failed!" -A2 out/dotnet-test.log | head -80 >&2
if [ -f out/test-results/dotnet.trx ]; then
  p=$(grep -o '<Counters [^>]*' out/test-results/dotnet.trx | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(grep -o '<Counters [^>]*' out/test-results/dotnet.trx | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  echo "test.sh: .NET: ${p:-0} passed, ${f:-0} failed" >&2
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
else
  echo "test.sh: .NET tests produced no results (see out/dotnet-test.log)" >&2; tail -30 out/dotnet-test.log >&2; failed=$((failed + 1))
fi

echo "== VS Code extension unit tests" >&2
sh editors/vscode/scripts/unit-tests.sh >out/vscode-unit.log 2>&1
count out/vscode-unit.log "VS Code extension unit tests"

if [ -f tests/e2e/run.sh ]; then
  echo "== server end-to-end tests (vscode-jsonrpc)" >&2
  bash tests/e2e/run.sh >out/server-e2e.log 2>&1
  count out/server-e2e.log "server end-to-end tests"
fi

if [ -f tests/prh-diff/run.sh ]; then
  echo "== prh differential test (the real prh 5.4.4)" >&2
  bash tests/prh-diff/run.sh >out/prh-diff.log 2>&1
  count out/prh-diff.log "prh differential test"
fi

for section in install action precommit; do
  echo "== ecosystem: $section (tests/ecosystem/run.sh)" >&2
  bash tests/ecosystem/run.sh "$section" >"out/ecosystem-$section.log" 2>&1
  count "out/ecosystem-$section.log" "ecosystem $section"
done

echo "== MCP end-to-end tests (@modelcontextprotocol/sdk)" >&2
bash tests/mcp/run.sh >out/mcp-e2e.log 2>&1
count out/mcp-e2e.log "MCP end-to-end tests"

if [ "${GLOSSARY_SKIP_VSCODE_E2E:-0}" != 1 ]; then
  echo "== VS Code end-to-end test (code-server + Chromium)" >&2
  bash editors/vscode/e2e/run.sh >out/vscode-e2e.log 2>&1
  count out/vscode-e2e.log "VS Code end-to-end test"
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
