#!/usr/bin/env bash
# Headless Emacs + eglot against glossary serve, with the configuration quoted in docs/SERVER.md.
# Usage: tests/emacs/run.sh [--no-markdown-mode]   (needs emacs-nox elpa-eglot [elpa-markdown-mode])
# Server: GLOSSARY_SERVER="cmd args" if set (e.g. "glossary serve"), else the Release build of this checkout.
# Not part of test.sh: CI has no Emacs.
set -euo pipefail
source "$(dirname "$0")/../editors/workspace.sh"
printf '\n[壊れたリンク](../glossary/transfer-learning.md#存在しない見出し)\n' >> "$tmp/content/articles/transfer-learning-intro.md"

mkdir -p "$tmp/home/.emacs.d"
server_sexp=$(printf '"%s" ' $server)
awk '/^## Emacs/ {s=1} s && /^```elisp/ {b=1; next} b && /^```/ {exit} b' "$repo/docs/SERVER.md" |
  sed "s|(\"dotnet\" \"/path/to/GlossaryLsp/[^)]*)|($server_sexp)|" > "$tmp/home/.emacs.d/init.el"
grep -q eglot-server-programs "$tmp/home/.emacs.d/init.el" && ! grep -q /path/to/ "$tmp/home/.emacs.d/init.el" ||
  { echo "docs/SERVER.md: no Emacs configuration with a server command to replace" >&2; exit 2; }

if [[ ${1:-} == --no-markdown-mode ]]; then
  # -Q skips package activation; activate Debian's packages except markdown-mode.
  pre=(-Q --eval '(progn (setq package-directory-list (list "/usr/share/emacs/site-lisp/elpa")
                               package-load-list (quote ((markdown-mode nil) all)))
                         (package-activate-all))')
else
  pre=(--eval '(package-activate-all)')  # what an interactive Emacs does before init.el; batch does not
fi
cd "$tmp/content"
HOME=$tmp/home GLOSSARY_SMOKE_DIR=$tmp/content \
  emacs --batch "${pre[@]}" -l "$tmp/home/.emacs.d/init.el" -l "$repo/tests/emacs/eglot-smoke.el" 2>&1 |
  grep -v '^Loading /etc/emacs'
