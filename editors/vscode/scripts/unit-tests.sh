#!/bin/sh
# Unit tests for CI: compiles the tests, runs them with node's test runner (spec output), and prints
# "N passed, N failed" last. Exit status 0 only when all passed.
set -u
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null 2>&1 || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
npm run --silent compile-tests || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p out
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=out/unit.tap out/test/*.test.js
status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' out/unit.tap | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' out/unit.tap | tail -1)
[ -n "$passed" ] || { passed=0; failed=1; }
echo "${passed} passed, ${failed:-0} failed"
[ $status -eq 0 ] && [ "${failed:-0}" -eq 0 ]
