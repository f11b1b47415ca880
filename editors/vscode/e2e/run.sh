#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
# driven headlessly by Chromium through playwright-core. See ../../../../shared/tools/vscode-e2e/README.md.
#
#   1. installs the prerequisites when missing (apt: chromium ripgrep libkrb5-dev fonts-ipafont-gothic)
#   2. installs code-server + playwright-core + vsce into a cache folder (once, ~1 min, ~450 MB)
#   3. packages the extension (npm run package: dotnet publish of the server + bundle + vsce)
#   4. runs e2e.mjs: workspace from content/ with a planted broken link, code-server, Chromium, checks
# Prints "N passed, N failed" last; exit status 0 only when every check passed.
#
# Environment:
#   GLOSSARY_E2E_CACHE   cache folder of code-server etc. (default: $HOME/.cache/glossary-vscode-e2e)
#   GLOSSARY_E2E_TOOLS   the shared vscode-e2e tools (default: <repo>/../shared/tools/vscode-e2e)
#   GLOSSARY_E2E_VSIX    use this .vsix instead of packaging one
#   GLOSSARY_E2E_SERVER  "mock": run against e2e/mock-server.mjs instead of the packaged server (harness check)
#   GLOSSARY_E2E_KEEP=1  keep the temporary workspace and profile
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EXT=$(cd "$HERE/.." && pwd)
REPO=$(cd "$EXT/../.." && pwd)
CACHE=${GLOSSARY_E2E_CACHE:-$HOME/.cache/glossary-vscode-e2e}
TOOLS=${GLOSSARY_E2E_TOOLS:-$REPO/../shared/tools/vscode-e2e}
OUT=$REPO/out/e2e
mkdir -p "$OUT"

fail_setup() { echo "e2e: $*" >&2; echo "0 passed, 1 failed"; exit 1; }
log() { echo "e2e: $*" >&2; }

[ -f "$TOOLS/install.sh" ] && [ -f "$TOOLS/start.sh" ] || fail_setup "vscode-e2e tools not found in $TOOLS"

# 1. Prerequisites.
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium ripgrep libkrb5-dev fonts-ipafont-gothic (apt)"
  $SUDO apt-get update >"$OUT/apt.log" 2>&1 || fail_setup "apt-get update failed (see $OUT/apt.log)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium ripgrep libkrb5-dev fonts-ipafont-gothic >>"$OUT/apt.log" 2>&1 \
    || fail_setup "apt-get install failed (see $OUT/apt.log)"
fi
if ! command -v make >/dev/null || ! command -v g++ >/dev/null || ! command -v python3 >/dev/null; then
  log "installing build-essential python3 (apt; native modules of code-server)"
  { $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y build-essential python3; } >>"$OUT/apt.log" 2>&1 \
    || fail_setup "apt-get install build-essential python3 failed (see $OUT/apt.log)"
fi
command -v rg >/dev/null || fail_setup "ripgrep (rg) is missing"

# 2. code-server, playwright-core, vsce.
if [ ! -f "$CACHE/.glossary-e2e-installed" ] || [ ! -x "$CACHE/node_modules/.bin/code-server" ] || [ ! -d "$CACHE/node_modules/playwright-core" ]; then
  log "installing code-server + playwright-core + vsce into $CACHE (about a minute)"
  mkdir -p "$CACHE"
  sh "$TOOLS/install.sh" "$CACHE" >"$OUT/install.log" 2>&1 || { tail -30 "$OUT/install.log" >&2; fail_setup "install.sh failed (see $OUT/install.log)"; }
  touch "$CACHE/.glossary-e2e-installed"
fi

# 3. The .vsix.
VSIX=${GLOSSARY_E2E_VSIX:-}
if [ -z "$VSIX" ]; then
  VSIX=$EXT/glossary-lsp.vsix
  log "packaging the extension (npm run package)"
  if [ "${GLOSSARY_E2E_SERVER:-}" = mock ]; then export GLOSSARY_SKIP_SERVER=1; fi
  (cd "$EXT" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent package) >"$OUT/package.log" 2>&1 \
    || { tail -40 "$OUT/package.log" >&2; fail_setup "npm run package failed (see $OUT/package.log)"; }
fi
[ -f "$VSIX" ] || fail_setup "no .vsix at $VSIX"

# 4. The browser test. e2e.mjs stops what it starts; the trap is the safety net if it dies.
RUN=$(mktemp -d "${TMPDIR:-/tmp}/glossary-e2e.XXXXXX")
cleanup() {
  if [ -f "$RUN/code-server.pid" ]; then
    pid=$(cat "$RUN/code-server.pid")
    kill -TERM -- "-$pid" 2>/dev/null && sleep 1
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  if [ "${GLOSSARY_E2E_KEEP:-0}" = 1 ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

GLOSSARY_E2E_CACHE=$CACHE GLOSSARY_E2E_TOOLS=$TOOLS GLOSSARY_E2E_RUN=$RUN GLOSSARY_E2E_VSIX=$VSIX \
  GLOSSARY_E2E_REPO=$REPO GLOSSARY_E2E_OUT=$OUT node "$HERE/e2e.mjs"
status=$?
# Logs as CI artefacts: code-server, the extension install, VS Code's logs (incl. the "Glossary" output channel).
rm -rf "$OUT/logs"; mkdir -p "$OUT/logs"
cp "$RUN/server.log" "$OUT/logs/code-server.log" 2>/dev/null
cp "$RUN/install.log" "$OUT/logs/extension-install.log" 2>/dev/null
[ -d "$RUN/data/logs" ] && cp -r "$RUN/data/logs" "$OUT/logs/vscode" 2>/dev/null
exit $status
