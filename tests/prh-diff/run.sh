#!/usr/bin/env bash
# Differential test of GL0013's prh findings against the real prh 5.4.4 (installed here from the npm
# registry): see diff.mjs. Prints its report, then one line "N passed, N failed" (read by ../../test.sh).
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/prh ]; then
  npm ci --no-audit --no-fund >npm.log 2>&1 || { cat npm.log; echo "0 passed, 1 failed"; exit 1; }
fi
if [ ! -f ../../src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll ]; then
  dotnet build ../../src/GlossaryLsp.Cli -c Release -v q -nologo >/dev/null 2>&1 || { echo "0 passed, 1 failed"; exit 1; }
fi
out=$(node diff.mjs 2>&1)
status=$?
echo "$out"
line=$(echo "$out" | grep -E '^prh differential: [0-9]+ passed, [0-9]+ failed$' | tail -1)
if [ -z "$line" ]; then echo "0 passed, 1 failed"; exit 1; fi
echo "${line#prh differential: }"
[ "$status" -eq 0 ]
