#!/usr/bin/env bash
# `npm test`: every test, once, no watching. Type check, lint, unit and store tests (SQLite and
# a throwaway PostgreSQL 15), SLI tests against real Prometheus servers the tests start, two
# backend replicas on one PostgreSQL, the browser tests against the built app in Debian's
# Chromium, then the packed packages installed into a stock Backstage app as the README says.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
source scripts/system-packages.sh

ensure_debian_package chromium /usr/bin/chromium
ensure_debian_package postgresql-15 /usr/lib/postgresql/15/bin/initdb
ensure_debian_package prometheus /usr/bin/promtool

mkdir -p test-results
results="$PWD/test-results"

echo "== type check and lint"
yarn tsc
yarn lint:all
yarn prettier:check

echo "== unit and store tests"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  pg_dir="$(mktemp -d /tmp/reliability-postgres.XXXXXX)"
  trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(scripts/postgres.sh start "$pg_dir")"
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  echo "started PostgreSQL 15 for the store tests at $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
fi
CI=true yarn backstage-cli repo test --json --outputFile="$results/jest.json"
# TestDatabases silently leaves out a database it cannot reach: prove both engines ran.
node scripts/check-store-tests.mjs "$results/jest.json" POSTGRES_15 SQLITE_3

echo "== two replicas on one PostgreSQL"
node --test --test-reporter=spec 'test/replicas/*.test.ts'

echo "== browser tests"
yarn workspace app build
node --test --test-reporter=spec 'test/browser/*.test.ts'

echo "== install into a stock Backstage app"
node scripts/install-test.ts
