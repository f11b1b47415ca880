# Sourced by tests/neovim/run.sh and tests/emacs/run.sh: the server to run and a scratch copy of content/.
# Sets repo, server (GLOSSARY_SERVER="cmd args" if set, else the Release build of this checkout) and tmp,
# a folder removed on exit that holds the copy as $tmp/content.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dll=$repo/src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll
server=${GLOSSARY_SERVER:-dotnet $dll serve --stdio}
[[ -n ${GLOSSARY_SERVER:-} || -f $dll ]] || { echo "build first: dotnet build $repo/GlossaryLsp.sln -c Release" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$repo/content" "$tmp/content"
