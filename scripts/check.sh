#!/usr/bin/env bash
# Every check Loa has: provisions what is missing, then format, lint, typecheck, build and every test suite
# against the real services. Fails when anything fails, and when the suites ran no test at all.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision.sh test
if [ -f .data/bin-paths.env ]; then
  # shellcheck disable=SC1091
  set -a && . .data/bin-paths.env && set +a
fi

started=$(date +%s)
rm -rf tmp/test-counts

echo "== format"
npx prettier --check . --log-level warn

echo "== lint, typecheck, build"
npx nx run-many -t lint typecheck build --output-style=static
npx tsc -p bench/tsconfig.json

echo "== tests"
npx nx run-many -t test --output-style=static --skip-nx-cache

node scripts/summarize-tests.mjs
echo "All checks passed in $(( $(date +%s) - started )) s."
