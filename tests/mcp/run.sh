#!/usr/bin/env bash
# MCP end-to-end tests: the built `glossary mcp` (Release) driven by the official MCP TypeScript client
# (@modelcontextprotocol/sdk) with node's test runner. Prints node's TAP output, then one line
# "mcp: N passed, N failed" (read by ../../test.sh).
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/@modelcontextprotocol/sdk ]; then
  npm ci --no-audit --no-fund >npm.log 2>&1 || { cat npm.log; echo "mcp: 0 passed, 1 failed"; exit 1; }
fi
if [ ! -f ../../src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll ]; then
  dotnet build ../../src/GlossaryLsp.Cli -c Release -v q -nologo >/dev/null 2>&1 || { echo "mcp: 0 passed, 1 failed"; exit 1; }
fi
out=$(node --test --test-concurrency=1 --test-reporter=tap 2>&1)
status=$?
echo "$out"
pass=$(echo "$out" | grep -E '^# pass ' | tail -1 | grep -oE '[0-9]+'); fail=$(echo "$out" | grep -E '^# fail ' | tail -1 | grep -oE '[0-9]+')
if [ -z "$pass" ]; then echo "mcp: 0 passed, 1 failed"; exit 1; fi
echo "mcp: ${pass} passed, ${fail:-0} failed"
[ "$status" -eq 0 ] && [ "${fail:-0}" -eq 0 ]
