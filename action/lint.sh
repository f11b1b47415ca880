#!/usr/bin/env bash
# The GitHub Action's run step (action.yml): installs the glossary tool, lints, writes SARIF.
# Also runs anywhere else (tests/ecosystem/run.sh runs it with a local package source).
# Environment (the action's inputs):
#   GLOSSARY_PATHS        files or folders to lint, space-separated (default: the workspace rule of `glossary lint`)
#   GLOSSARY_VERSION      GlossaryLsp.Cli version to install from NuGet (default: built from the action's
#                         own source, $GITHUB_ACTION_PATH, so the action works at any ref; else the newest)
#   GLOSSARY_SOURCE       an extra NuGet source, e.g. a folder of packages (default: none)
#   GLOSSARY_TOOL_PATH    where the tool is installed; an existing `glossary` there is used as is
#   GLOSSARY_SARIF        the SARIF file to write (default: glossary.sarif)
#   GLOSSARY_FAIL_ON_ERRORS  true: exit 1 when errors were found (the action itself fails later, after the upload)
# Writes sarif-file, errors (true|false) and summary to $GITHUB_OUTPUT when it is set. Exit 2 when the
# tool could not be installed or lint could not run (bad usage, bad glossary.yml).
set -uo pipefail

tool_path=${GLOSSARY_TOOL_PATH:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/glossarylsp-tool}
sarif=${GLOSSARY_SARIF:-glossary.sarif}
if [ ! -x "$tool_path/glossary" ]; then
  source=${GLOSSARY_SOURCE:-}
  project="${GITHUB_ACTION_PATH:-}/src/GlossaryLsp.Cli/GlossaryLsp.Cli.csproj"
  if [ -z "$source" ] && [ -z "${GLOSSARY_VERSION:-}" ] && [ -n "${GITHUB_ACTION_PATH:-}" ] && [ -f "$project" ]; then
    source="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/glossarylsp-pack"
    echo "dotnet pack $project -c Release -o $source"
    dotnet pack "$project" -c Release -o "$source" -v q -nologo || { echo "::error::could not build GlossaryLsp.Cli"; exit 2; }
  fi
  install=(tool install GlossaryLsp.Cli --tool-path "$tool_path")
  [ -n "${GLOSSARY_VERSION:-}" ] && install+=(--version "$GLOSSARY_VERSION")
  [ -n "$source" ] && install+=(--add-source "$source")
  echo "dotnet ${install[*]}"
  dotnet "${install[@]}" || { echo "::error::could not install GlossaryLsp.Cli"; exit 2; }
fi

read -r -a paths <<< "${GLOSSARY_PATHS:-}"
# The findings in the log (and as annotations on the changed lines), then the SARIF for code scanning.
"$tool_path/glossary" lint "${paths[@]}" --format text | sed -E -e 's/%/%25/g' -e 's/^([^:]+):([0-9]+):([0-9]+): (error|warning) (GL[0-9]{4}) (.*)$/::\4 file=\1,line=\2,col=\3,title=\5::\6/'
"$tool_path/glossary" lint "${paths[@]}" --format sarif >"$sarif" 2>lint-summary.txt
status=$?
summary=$(tail -n 1 lint-summary.txt)
rm -f lint-summary.txt
if [ "$status" -ge 2 ]; then
  echo "::error::glossary lint could not run (exit $status): $summary"
  exit 2
fi
errors=false
[ "$status" -eq 1 ] && errors=true
echo "$summary"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "errors=$errors"; echo "summary=$summary"; } >>"$GITHUB_OUTPUT"
fi
if [ "$errors" = true ] && [ "${GLOSSARY_FAIL_ON_ERRORS:-false}" = true ]; then exit 1; fi
exit 0
