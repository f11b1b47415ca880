#!/bin/sh
# Builds glossary-lsp.vsix:
#   1. dotnet publish of the CLI (framework-dependent, portable: no RID) into server/  (runs as `dotnet server/glossary.dll serve`)
#   2. type-check + esbuild bundle of the extension into dist/
#   3. vsce package
# Environment:
#   GLOSSARY_SKIP_SERVER=1   package without publishing the server (empty server/; checks the pipeline only)
#   GLOSSARY_VSIX=path       output file (default: glossary-lsp.vsix here)
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$HERE/../.." && pwd)
cd "$HERE"
VSIX=${GLOSSARY_VSIX:-glossary-lsp.vsix}

[ -x node_modules/.bin/vsce ] && [ -x node_modules/.bin/esbuild ] || npm ci --no-audit --no-fund

rm -rf server
mkdir -p server
if [ "${GLOSSARY_SKIP_SERVER:-0}" = 1 ]; then
  echo "package.sh: GLOSSARY_SKIP_SERVER=1: packaging WITHOUT a server (server/ is empty)" >&2
else
  echo "package.sh: dotnet publish src/GlossaryLsp.Cli -> editors/vscode/server" >&2
  # A private artifacts folder keeps this build's bin/obj apart from other builds of the same tree.
  dotnet publish "$REPO/src/GlossaryLsp.Cli/GlossaryLsp.Cli.csproj" -c Release -o server \
    --artifacts-path "$HERE/.build" -p:UseAppHost=false -p:GenerateDocumentationFile=false -nologo -v:q
  [ -f server/glossary.dll ] || { echo "package.sh: server/glossary.dll missing after publish" >&2; exit 1; }
fi

npm run --silent build

rm -f "$VSIX"
node_modules/.bin/vsce package --allow-missing-repository --skip-license --no-dependencies -o "$VSIX"
echo "package.sh: wrote $HERE/$VSIX" >&2
