#!/usr/bin/env bash
# Headless Neovim against glossary serve, with the two Lua blocks of docs/SERVER.md's Neovim section as
# init.lua: code lenses of glossary/transfer-learning.md in a copy of content/, and the lens command.
# Usage: tests/neovim/run.sh   (needs neovim 0.7+; Debian: apt-get install neovim)
# Server: GLOSSARY_SERVER="cmd args" if set (e.g. "glossary serve"), else the Release build of this checkout.
# Not part of test.sh: CI has no Neovim.
set -euo pipefail
source "$(dirname "$0")/../editors/workspace.sh"
mkdir -p "$tmp/home/.config/nvim"
server_lua=$(printf "'%s', " $server)
awk '/^## Neovim/ {s=1} /^## Emacs/ {s=0} s && /^```lua/ {b=1; next} b && /^```/ {b=0; next} b' "$repo/docs/SERVER.md" |
  sed "s|{ 'dotnet', '/path/to/GlossaryLsp/[^}]*}|{ ${server_lua%, } }|" > "$tmp/home/.config/nvim/init.lua"
grep -q "glossary.showReferences" "$tmp/home/.config/nvim/init.lua" && ! grep -q /path/to/ "$tmp/home/.config/nvim/init.lua" ||
  { echo "docs/SERVER.md: no Neovim configuration with a server command and the code lens command" >&2; exit 2; }
cd "$tmp/content"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config timeout 120 nvim --headless glossary/transfer-learning.md -c "luafile $repo/tests/neovim/codelens.lua" 2>&1
