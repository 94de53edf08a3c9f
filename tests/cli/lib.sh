# Helpers for CLI tests. Each test script: $1 = sitrep binary, $2 = source dir.
set -euo pipefail
SITREP=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passes=0
check() {  # check "description" command...
  local what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what" >&2; failures=$((failures + 1)); fi
}
finish() {
  echo "$passes passed, $failures failed"
  [[ $failures -eq 0 ]]
}
