#!/usr/bin/env bash
# The test command (npm test): lint, build, make sure a PostgreSQL server is there for the
# server-mode tests (start a private throw-away one when none is configured and the binaries
# exist), then run every test file with node's test runner.
set -euo pipefail
# Dates print the same on every machine (golden files, "as of" lines).
export TZ=UTC
cd "$(dirname "$0")/.."
# The linter first: seconds, and a broken layer rule stops the run before the long tests.
npm run --silent lint
npm run --silent build

started=""
if [ -z "${ARMSBRIEF_TEST_PG_URL:-}" ]; then
  if out=$(bash scripts/pg-test-server.sh start 2>/tmp/armsbrief-pg-start.err); then
    eval "$out"; started=1
    echo "# server-mode tests on a private PostgreSQL: $ARMSBRIEF_TEST_PG_URL"
  else
    echo "# no PostgreSQL server binaries found: server-mode tests are skipped ($(head -c 200 /tmp/armsbrief-pg-start.err))"
  fi
fi
cleanup() { if [ -n "$started" ]; then bash scripts/pg-test-server.sh stop "$PG_TEST_DIR"; fi; }
trap cleanup EXIT

mapfile -t files < <(find dist -name '*.test.js' -not -path '*/node_modules/*' | sort)
node --test --test-concurrency=2 "${files[@]}"
