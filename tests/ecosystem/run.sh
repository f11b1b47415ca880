#!/usr/bin/env bash
# Where users meet the tool, with the real tools: `run.sh install | action | precommit`.
#   install   README's install commands run as written (dotnet pack + dotnet tool install --tool-path from
#             the local package folder), then the installed `glossary lint` on content/.
#   action    the GitHub Action's script (action/lint.sh) installing from that package folder, its
#             outputs and exit codes, and the SARIF it writes (also a capped one, --max-findings) checked
#             by the official validator (@microsoft/sarif-multitool, SARIF and GitHub code scanning rules).
#   precommit `.pre-commit-hooks.yaml` with the real pre-commit's `try-repo` on a temporary git repository.
# Each prints "ok - …"/"not ok - …" per check and "<section>: N passed, N failed" last (read by ../../test.sh).
# action and precommit use what install left in out/ (run install first).
set -uo pipefail
cd "$(dirname "$0")"
here=$(pwd)
repo=$(cd ../.. && pwd)
section=${1:?usage: run.sh install|action|precommit}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
passed=0; failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; shift; for line in "$@"; do echo "  $line"; done; failed=$((failed + 1)); }
finish() { echo "$section: ${passed} passed, ${failed} failed"; [ "$failed" -eq 0 ]; exit $?; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools="$repo/out/tools"
glossary="$tools/glossary"
built="$repo/src/GlossaryLsp.Cli/bin/Release/net10.0/glossary.dll"

# A workspace with one broken link (GL0001) and one stale heading id (GL0003, with its fix), in Japanese.
broken_workspace() {
  local dir=$1 tl
  tl=$(printf '転移学習 | Transfer Learning' | base64 -w0)
  mkdir -p "$dir/glossary" "$dir/posts"
  printf '<!-- 記事URL:https://example.org/glossary/ml.md# -->\n\n## 転移学習 | Transfer Learning | TL<a id="%s"></a>\n\n- 学習済みの重みを使う 🌲\n' "$tl" >"$dir/glossary/ml.md"
  printf '# 記事\n\n[転移学習](../glossary/ml.md#%s)と[どこか](missing.md)。\n' "$tl" >"$dir/posts/a.md"
}

# The official SARIF validator with the SARIF and GitHub (code scanning) rule sets, on several files in one
# run (it starts slowly): no error and no warning in any of them.
validate_sarif() {
  local name=$1 out; shift
  out=$("$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" validate --rule-kind "Sarif;Gh" "$@" 2>&1)
  if echo "$out" | grep -q "Done. $# files scanned." && echo "$out" | grep -q "Analysis completed successfully" && ! echo "$out" | grep -qE ': (error|warning) [A-Z]+[0-9]+'; then ok "$name"
  else not_ok "$name" "$(echo "$out" | grep -E ': (error|warning) |files scanned' | head -5)"; fi
}

case "$section" in
install)
  # The commands of README.md's install section, exactly as written there.
  commands=$(sed -n '/^<!-- install -->$/,/^<!-- \/install -->$/p' "$repo/README.md" | sed -n '/^```sh$/,/^```$/p' | sed '1d;$d')
  if [ -z "$commands" ]; then not_ok "README has an install section"; finish; fi
  rm -rf "$repo/out/pack" "$tools" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/glossarylsp.cli" # a fresh package, not a cached one
  if (cd "$repo" && bash -euo pipefail -c "$commands") >"$work/install.log" 2>&1; then ok "README's install commands run as written"
  else not_ok "README's install commands run as written" "$(tail -20 "$work/install.log")"; fi
  if [ -x "$glossary" ] && ls "$repo"/out/pack/GlossaryLsp.Cli.*.nupkg >/dev/null 2>&1; then ok "the package is in out/pack and the command in out/tools"
  else not_ok "the package is in out/pack and the command in out/tools" "$(ls "$repo/out/pack" "$tools" 2>&1)"; fi
  installed=$(cd "$repo" && "$glossary" lint content/ 2>&1); status=$?
  expected=$(cd "$repo" && dotnet "$built" lint content/ 2>&1)
  if [ "$status" -eq 0 ] && [ "$installed" = "$expected" ] && echo "$installed" | grep -qE '^No problems in [0-9]+ files$'; then ok "the installed glossary lints content/ like the build: $installed"
  else not_ok "the installed glossary lints content/ like the build" "exit $status" "$installed"; fi
  if "$glossary" --help | grep -qE '^  mcp +Run a Model Context Protocol server'; then ok "the installed tool has every command (mcp)"; else not_ok "the installed tool has every command (mcp)"; fi
  ;;
action)
  [ -d node_modules/@microsoft/sarif-multitool-linux ] || npm ci --no-audit --no-fund >"$work/npm.log" 2>&1 || { not_ok "npm ci" "$(tail -5 "$work/npm.log")"; finish; }
  [ -x "$glossary" ] || { not_ok "out/tools/glossary is installed (run install first)"; finish; }
  if /usr/bin/python3 - "$repo/action.yml" "$repo/action/lint.sh" <<'EOF'
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
script = open(sys.argv[2]).read()
steps = action["runs"]["steps"]
assert action["runs"]["using"] == "composite"
assert steps[0]["uses"].startswith("actions/setup-dotnet@")
lint = next(s for s in steps if s.get("id") == "lint")
assert lint["run"] == 'bash "$GITHUB_ACTION_PATH/action/lint.sh"'
for name in lint["env"]:
    assert re.search(r"\$\{" + name + r"[:}]", script), name  # every input reaches the script
upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
assert steps.index(upload) < len(steps) - 1 and "exit 1" in steps[-1]["run"]  # fails after the upload
EOF
  then ok "action.yml: setup-dotnet, the script with every input, upload-sarif, then fail on errors"; else not_ok "action.yml is the composite action the script expects"; fi

  # 1. content/: as on a runner, the tool is built from the action's own source and installed; no errors.
  export GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$work" GLOSSARY_TOOL_PATH="$work/tool" GITHUB_OUTPUT="$work/out1"
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/glossarylsp.cli"
  (cd "$repo/content" && GLOSSARY_SARIF="$work/content.sarif" GLOSSARY_FAIL_ON_ERRORS=true bash "$repo/action/lint.sh") >"$work/run1.log" 2>&1; status=$?
  if [ "$status" -eq 0 ] && [ -x "$work/tool/glossary" ] && ls "$work"/glossarylsp-pack/GlossaryLsp.Cli.*.nupkg >/dev/null 2>&1 && grep -qx "errors=false" "$work/out1" \
     && grep -qx "sarif-file=$work/content.sarif" "$work/out1" && grep -qE '^summary=No problems in [0-9]+ files$' "$work/out1"; then
    ok "content/: the script builds and installs the tool from the action's source, exit 0, outputs errors=false"
  else not_ok "content/: the script builds and installs the tool from the action's source, exit 0, outputs errors=false" "exit $status" "$(cat "$work/run1.log" "$work/out1" | tail -15)"; fi
  out=$(cd "$repo/content" && GLOSSARY_TOOL_PATH="$work/tool2" GLOSSARY_SOURCE="$repo/out/pack" GLOSSARY_SARIF="$work/x.sarif" GITHUB_OUTPUT=/dev/null bash "$repo/action/lint.sh" 2>&1)
  if [ -x "$work/tool2/glossary" ] && echo "$out" | grep -qx "dotnet tool install GlossaryLsp.Cli --tool-path $work/tool2 --add-source $repo/out/pack" && ! echo "$out" | grep -q "dotnet pack"; then
    ok "with GLOSSARY_SOURCE the script installs from that package folder, building nothing"
  else not_ok "with GLOSSARY_SOURCE the script installs from that package folder, building nothing" "$(echo "$out" | head -5)"; fi

  # 2. A workspace with errors: annotations in the log, errors=true, exit 1 only when asked to fail.
  broken_workspace "$work/ws"
  export GITHUB_OUTPUT="$work/out2"
  (cd "$work/ws" && GLOSSARY_SARIF="$work/ws.sarif" bash "$repo/action/lint.sh") >"$work/run2.log" 2>&1; status=$?
  (cd "$work/ws" && GLOSSARY_SARIF="$work/ws2.sarif" GLOSSARY_FAIL_ON_ERRORS=true bash "$repo/action/lint.sh") >/dev/null 2>&1; failing=$?
  if [ "$status" -eq 0 ] && [ "$failing" -eq 1 ] && grep -qx "errors=true" "$work/out2" && grep -qx "summary=1 error and 1 warning in 2 files" "$work/out2"; then
    ok "broken link: errors=true; exit 1 with GLOSSARY_FAIL_ON_ERRORS=true, else 0"
  else not_ok "broken link: errors=true; exit 1 with GLOSSARY_FAIL_ON_ERRORS=true, else 0" "exit $status/$failing" "$(cat "$work/out2")"; fi
  if grep -qx "::error file=posts/a.md,line=3,col=78,title=GL0001::Link target not found: no document at 'posts/missing.md'" "$work/run2.log" \
     && grep -q "^::warning file=glossary/ml.md,line=3,col=" "$work/run2.log"; then ok "broken link: annotations on the lines"
  else not_ok "broken link: annotations on the lines" "$(grep '^::' "$work/run2.log")"; fi
  if [ "$(jq -r '[.runs[0].results[] | .ruleId + ":" + .level] | join(",")' "$work/ws.sarif")" = "GL0003:warning,GL0001:error" ]; then ok "broken link: the SARIF has the two results"
  else not_ok "broken link: the SARIF has the two results" "$(jq -c '[.runs[0].results[] | [.ruleId, .level]]' "$work/ws.sarif")"; fi
  (cd "$repo/../shared/corpora/tech_glossary/output" && dotnet "$built" lint --format sarif >"$work/corpus.sarif" 2>/dev/null)
  # A capped report: the first result, and a notification of the one left out on the run's invocation.
  (cd "$work/ws" && dotnet "$built" lint --format sarif --max-findings 1 >"$work/capped.sarif" 2>/dev/null)
  capped=$(jq -r '[(.runs[0].results | length), .runs[0].invocations[0].executionSuccessful, .runs[0].invocations[0].toolExecutionNotifications[0].message.text] | join("|")' "$work/capped.sarif")
  if [ "$capped" = "1|true|1 more finding not listed (GL0001 1); --max-findings 0 lists all" ]; then ok "--max-findings 1: one result and a notification of the one left out"
  else not_ok "--max-findings 1: one result and a notification of the one left out" "$capped"; fi
  validate_sarif "the SARIF of content/, of the broken link (fixes, related locations), of the public glossary (282 results) and capped is valid for code scanning" \
    "$work/content.sarif" "$work/ws.sarif" "$work/corpus.sarif" "$work/capped.sarif"

  # 3. A bad glossary.yml: exit 2 and an error.
  printf 'rules:\n  GL0099: error\n' >"$work/ws/glossary.yml"
  (cd "$work/ws" && GLOSSARY_SARIF="$work/ws3.sarif" bash "$repo/action/lint.sh") >"$work/run3.log" 2>&1; status=$?
  if [ "$status" -eq 2 ] && grep -q "^::error::glossary lint could not run (exit 2): glossary lint: glossary.yml:2: 'rules.GL0099'" "$work/run3.log"; then ok "bad glossary.yml: exit 2 with the reason"
  else not_ok "bad glossary.yml: exit 2 with the reason" "exit $status" "$(cat "$work/run3.log")"; fi
  ;;
precommit)
  [ -x "$glossary" ] || { not_ok "out/tools/glossary is installed (run install first)"; finish; }
  if ! command -v pre-commit >/dev/null; then
    (apt-get install -y -q pre-commit || { apt-get update -q && apt-get install -y -q pre-commit; }) >"$work/apt.log" 2>&1 || { not_ok "install pre-commit (Debian)" "$(tail -5 "$work/apt.log")"; finish; }
  fi
  export PATH="$tools:$PATH" PRE_COMMIT_HOME="$work/pre-commit-home" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
  if pre-commit validate-manifest "$repo/.pre-commit-hooks.yaml" >"$work/manifest.log" 2>&1; then ok "pre-commit validate-manifest .pre-commit-hooks.yaml"
  else not_ok "pre-commit validate-manifest .pre-commit-hooks.yaml" "$(cat "$work/manifest.log")"; fi
  tl=$(printf '転移学習 | Transfer Learning' | base64 -w0)
  mkdir -p "$work/repo/glossary" "$work/repo/posts"
  printf '<!-- 記事URL:https://example.org/glossary/ml.md# -->\n\n## 転移学習 | Transfer Learning<a id="%s"></a>\n\n- 学習済みの重みを使う。\n' "$tl" >"$work/repo/glossary/ml.md"
  printf '# 良い記事\n\n[転移学習](../glossary/ml.md#%s)を使う。\n' "$tl" >"$work/repo/posts/good.md"
  printf '# 悪い記事\n\n[転移学習](../glossary/ml.md#%s)と転移学習。\n' "$(printf '転移' | base64 -w0)" >"$work/repo/posts/bad.md"
  (cd "$work/repo" && git init -q && git add -A && git commit -qm init) || { not_ok "a temporary git repository"; finish; }
  try() { (cd "$work/repo" && pre-commit try-repo "$repo" "$@" 2>&1); } # every hook of the manifest
  out=$(try --files posts/good.md glossary/ml.md); status=$?
  if [ "$status" -eq 0 ] && echo "$out" | grep -qE '^glossary lint\.+Passed$' && echo "$out" | grep -qE '^glossary link --check\.+Passed$'; then
    ok "both hooks pass the good files"
  else not_ok "both hooks pass the good files" "exit $status" "$(echo "$out" | tail -8)"; fi
  out=$(try --all-files); status=$?
  if [ "$status" -eq 1 ] && echo "$out" | grep -qE '^glossary lint\.+Failed$' && echo "$out" | grep -q "^posts/bad.md:3:8: error GL0002 No term or heading with anchor"; then
    ok "glossary-lint fails on the bad file and names it"
  else not_ok "glossary-lint fails on the bad file and names it" "exit $status" "$(echo "$out" | tail -12)"; fi
  if echo "$out" | grep -qE '^glossary link --check\.+Failed$' && echo "$out" | grep -q "^posts/bad.md:3:36: would link '転移学習' → glossary/ml.md#$tl (転移学習)" \
     && [ "$(echo "$out" | grep -c 'would link')" -eq 1 ]; then ok "glossary-link-check fails on the unlinked mention, and only on it"
  else not_ok "glossary-link-check fails on the unlinked mention, and only on it" "$(echo "$out" | tail -8)"; fi
  ;;
*) echo "usage: run.sh install|action|precommit" >&2; exit 2 ;;
esac
finish
