#!/usr/bin/env bash
# LSP-level benchmark (docs/PERFORMANCE.md): `glossary serve` (published Release build) and VS Code's
# Markdown server (vscode-markdown-languageserver from npm) driven by ../shared/tools/lspbench on the
# same generated corpora and on the real glossary, in one run; plus cold `glossary lint` timings.
# Writes JSON to out/bench/ and a Markdown table to out/bench/results.md.
#
#   benchmarks/lsp/run.sh                      # corpora: real 100x100 1000x100
#   SIZES="10x100" PEER=0 benchmarks/lsp/run.sh  # quick: one small corpus, no peer
#
# Nothing is written under ../shared: lspbench is copied into a cache folder and installed there.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$REPO/../shared}"
CACHE="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/glossarylsp-bench}"
OUT="${OUT:-$REPO/out/bench}"
SIZES="${SIZES:-100x100 1000x100}"
PEER="${PEER:-1}"
REAL="${REAL:-1}"
HOVER="${HOVER_SAMPLES:-100}"
COMPLETION="${COMPLETION_SAMPLES:-60}"
LINT_RUNS="${LINT_RUNS:-3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$CACHE" "$OUT"
log() { echo "[bench] $*" >&2; }

# 1. The harness and the peer, installed once into the cache.
LSPBENCH="$CACHE/lspbench"
if [ ! -d "$LSPBENCH/node_modules/vscode-jsonrpc" ] || ! diff -q "$SHARED/tools/lspbench/lspbench.mjs" "$LSPBENCH/lspbench.mjs" >/dev/null; then
  log "installing lspbench into $LSPBENCH"
  rm -rf "$LSPBENCH" && cp -r "$SHARED/tools/lspbench" "$LSPBENCH"
  (cd "$LSPBENCH" && npm install --no-audit --no-fund >&2)
fi
VMLS_JS="$CACHE/vmls/node_modules/vscode-markdown-languageserver/dist/node/workerMain.js"
if [ "$PEER" = 1 ] && [ ! -f "$VMLS_JS" ]; then
  log "installing vscode-markdown-languageserver into $CACHE/vmls"
  mkdir -p "$CACHE/vmls" && (cd "$CACHE/vmls" && npm init -y >/dev/null && npm install --no-audit --no-fund vscode-markdown-languageserver@0.5.0 >&2)
fi

# 2. The server as users get it: a published Release build.
RID="${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}"
log "publishing glossary (Release, ReadyToRun, $RID)"
dotnet publish "$REPO/src/GlossaryLsp.Cli/GlossaryLsp.Cli.csproj" -c Release -r "$RID" --self-contained false -o "$OUT/publish" -v q -nologo >&2
GLOSSARY="$OUT/publish/glossary"

# 3. Corpora (generated once per shape, seeded).
corpora=()
if [ "$REAL" = 1 ]; then
  if [ ! -d "$CACHE/corpora/real" ]; then mkdir -p "$CACHE/corpora" && cp -r "$SHARED/corpora/tech_glossary/output" "$CACHE/corpora/real"; fi
  [ -f "$CACHE/corpora/real-ref.json" ] || node "$LSPBENCH/refcheck.mjs" --root "$CACHE/corpora/real" --out "$CACHE/corpora/real-ref.json" >/dev/null
  corpora+=(real)
fi
for s in $SIZES; do
  files="${s%x*}"; terms="${s#*x}"; dir="$CACHE/corpora/gc$s"
  if [ ! -f "$dir/manifest.json" ]; then
    log "generating corpus $s"
    node "$LSPBENCH/gencorpus.mjs" --out "$dir" --files "$files" --terms-per-file "$terms" --seed 1 --defects $(( files >= 1000 ? 20 : 5 )) >&2
  fi
  corpora+=("$s")
done
root_of() { [ "$1" = real ] && echo "$CACHE/corpora/real" || echo "$CACHE/corpora/gc$1"; }
manifest_of() { [ "$1" = real ] && echo "$CACHE/corpora/real-ref.json" || echo "$CACHE/corpora/gc$1/manifest.json"; }

# 4. Machine and load, recorded with the results.
{
  echo "{\"nproc\": $(nproc), \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\","
  echo " \"mem_total_mb\": $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo), \"loadavg_before\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo " \"dotnet\": \"$(dotnet --version)\", \"node\": \"$(node --version)\", \"date\": \"$(date -u +%FT%TZ)\"}"
} > "$OUT/machine.json"

# 5. Runs: cold lint, then both servers on each corpus.
for c in "${corpora[@]}"; do
  root="$(root_of "$c")"
  : > "$OUT/lint-$c.txt"
  for i in $(seq 1 "$LINT_RUNS"); do
    log "cold glossary lint on $c ($i/$LINT_RUNS)"
    ( cd "$root" && /usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S max_rss_kb=%M" "$GLOSSARY" lint --stats --format json >/dev/null 2>>"$OUT/lint-$c.txt" ) 2>>"$OUT/lint-$c.txt" || true
  done
  log "lspbench glossary on $c"
  node "$LSPBENCH/lspbench.mjs" --name "glossary/$c" --server "$GLOSSARY serve" --root "$root" --expect "$(manifest_of "$c")" \
    --hover-samples "$HOVER" --completion-samples "$COMPLETION" --out "$OUT/glossary-$c.json" >/dev/null || log "glossary run on $c exited $?"
  if [ "$PEER" = 1 ]; then
    log "lspbench vscode-markdown-languageserver on $c"
    node "$LSPBENCH/lspbench.mjs" --name "vscode-md/$c" --server "node $VMLS_JS --stdio" --client-plugin "$LSPBENCH/adapters/vscode-markdown.mjs" \
      --root "$root" --expect "$(manifest_of "$c")" --hover-samples "$HOVER" --completion-samples "$COMPLETION" \
      --out "$OUT/vscode-md-$c.json" >/dev/null || log "vscode-md run on $c exited $?"
  fi
done
echo "\"loadavg_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"" > "$OUT/loadavg-after.txt"

node "$REPO/benchmarks/lsp/table.mjs" "$OUT" "${corpora[@]}" > "$OUT/results.md"
cat "$OUT/results.md"
