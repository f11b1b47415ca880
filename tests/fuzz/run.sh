#!/usr/bin/env bash
# Coverage-guided fuzzing of parsing + index + rules + features + linker (tests/fuzz/README.md).
#   tests/fuzz/run.sh SECONDS
# Installs AFL++ (Debian afl++) and the SharpFuzz instrumenter (dotnet tool SharpFuzz.CommandLine) when
# missing, builds the harness, instruments the product assemblies, assembles the seed corpus (the
# committed seeds and findings, content/, the shared tech_glossary corpus read in place) and runs one
# afl-fuzz instance for SECONDS under nice -n 19. New crashes and hangs are copied into
# tests/fuzz/findings/ (crash-<sha1> / hang-<sha1>). Work files go to out/fuzz/ (git-ignored).
set -euo pipefail
seconds="${1:?usage: tests/fuzz/run.sh SECONDS}"
cd "$(dirname "$0")/../.."
root="$PWD"
work="$root/out/fuzz"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$work"

if ! command -v afl-fuzz >/dev/null; then
  echo "== installing afl++" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
  echo "== installing SharpFuzz.CommandLine" >&2
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

echo "== building and instrumenting the harness" >&2
rm -rf "$work/bin"   # a fresh copy: instrumenting twice fails, and a build would not replace an instrumented file
dotnet build tests/fuzz/GlossaryLsp.Fuzz.csproj -c Release -v q -nologo -o "$work/bin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
for dll in GlossaryLsp.Core.dll Markdig.dll; do
  "$work/tools/sharpfuzz" "$work/bin/$dll" >/dev/null
done

echo "== assembling the seed corpus" >&2
stamp=$(date -u +%Y%m%dT%H%M%S)
in="$work/in-$stamp" out="$work/run-$stamp"
mkdir -p "$in"
cp tests/fuzz/seeds/* "$in/"
[ -d tests/fuzz/findings ] && find tests/fuzz/findings -type f ! -name '*.md' -exec cp {} "$in/" \;
# A workspace as one input: a "//- path" line before each file's bytes.
as_input() { local dir="$1"; shift; for f in "$@"; do printf '//- %s\n' "${f#"$dir"/}"; cat "$f"; done; }
mapfile -t content < <(find content -type f | sort)
as_input content "${content[@]}" >"$in/content-workspace"
for f in "${content[@]}"; do
  [ "$f" = content/glossary.yml ] && continue
  as_input content content/glossary.yml "$f" >"$in/content-$(basename "$f" .md)"
done
shared="$root/../shared/corpora/tech_glossary"
if [ -d "$shared" ]; then
  for side in input-github output; do
    while IFS= read -r f; do
      as_input "$shared/$side" "$f" >"$in/tech-$side-$(basename "$f" .md)"
    done < <(find "$shared/$side" -name '*.md' | sort)
  done
  # One cross-file case of each side: the overview linking into the training glossary.
  as_input "$shared/input-github" "$shared/input-github/ml-overview.md" "$shared/input-github/ml-dl-training.md" >"$in/tech-input-pair"
  as_input "$shared/output" "$shared/output/ml-overview.md" "$shared/output/ml-dl-training.md" >"$in/tech-output-pair"
else
  echo "run.sh: $shared not found; fuzzing without the shared corpus" >&2
fi
echo "run.sh: $(ls "$in" | wc -l) seeds" >&2

echo "== afl-fuzz for ${seconds}s (one instance, nice -n 19)" >&2
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000 AFL_IGNORE_SEED_PROBLEMS=1
nice -n 19 afl-fuzz -i "$in" -o "$out" -t 5000 -m none -V "$seconds" -x tests/fuzz/glossary.dict \
  -- dotnet "$work/bin/GlossaryLsp.Fuzz.dll" >"$work/afl-$stamp.log" 2>&1 || { tail -40 "$work/afl-$stamp.log"; exit 1; }

stats="$out/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
mkdir -p tests/fuzz/findings
new=0
for kind in crashes hangs; do
  for f in "$out/default/$kind"/id:*; do
    [ -e "$f" ] || continue
    prefix=crash; [ "$kind" = hangs ] && prefix=hang
    name="$prefix-$(sha1sum "$f" | cut -c1-12)"
    if [ ! -e "tests/fuzz/findings/$name" ]; then cp "$f" "tests/fuzz/findings/$name"; new=$((new + 1)); fi
  done
done
line="$stamp	${seconds}s	execs=$(get execs_done)	execs/s=$(get execs_per_sec)	corpus=$(get corpus_count)	edges=$(get edges_found)/$(get total_edges)	crashes=$(get saved_crashes)	hangs=$(get saved_hangs)	new findings=$new"
echo "$line" >>"$work/runs.tsv"
echo "$line"
