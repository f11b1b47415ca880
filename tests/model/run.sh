#!/usr/bin/env bash
# Longer runs of the model-based tests of the incremental engine (issue 14): the core level
# (Rules/IncrementalModelTests) and the server level, push and pull (Server/Workspace/IncrementalServerModelTests).
#   tests/model/run.sh SECONDS            each of the three runs random sequences for SECONDS seconds
#   tests/model/run.sh --iterations N     each runs N sequences
#   GLOSSARY_MODEL_SEED=… tests/model/run.sh --iterations 1    replays the seed a failure printed
# Runs under nice -n 19. Prints how many sequences and steps each ran; a failure prints CsCheck's seed and
# the shrunk workspace and operations (the full log is in out/model.log). Exit status 0 when all passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--iterations" ]; then
  export GLOSSARY_MODEL_ITERATIONS="${2:?--iterations needs a number}"
else
  export GLOSSARY_MODEL_SECONDS="${1:-600}"
fi
mkdir -p out
report=$(mktemp)
export GLOSSARY_MODEL_REPORT="$report"
nice -n 19 dotnet build tests/GlossaryLsp.Tests -c Release -v q -nologo >out/model-build.log 2>&1 || { grep -E ": error " out/model-build.log | sort -u; exit 1; }
nice -n 19 dotnet test tests/GlossaryLsp.Tests -c Release --no-build --filter "FullyQualifiedName~IncrementalModelTests|FullyQualifiedName~IncrementalServerModelTests" >out/model.log 2>&1
status=$?
grep -E "^\s+Failed |CsCheckException" -A60 out/model.log | grep -vE "^\s+at " | head -150
grep -E "Passed!|Failed!" out/model.log
cat "$report"
rm -f "$report"
exit $status
