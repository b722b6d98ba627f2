#!/usr/bin/env bash
# The package builds and their smoke tests, apart from .ci/run (which runs only the README's test
# command: about 8 minutes on the 2-core machine once the wheels are cached, see installer/README.md).
#   bash installer/ci.sh          build both packages, then smoke-test both; exit 1 if any check failed
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

status=0
step() {
  local started=$SECONDS
  "$@" || status=1
  printf '[ci] %s: %d s\n' "$*" "$((SECONDS - started))"
}
step bash installer/build.sh windows
step bash installer/build.sh deb
step bash installer/smoke.sh deb
step bash installer/smoke.sh windows
exit $status
