#!/usr/bin/env bash
# Every check Loa has: provisions what is missing, then format, lint, typecheck, build and every test suite
# against the real services. Fails when anything fails, and when the suites ran no test at all.
set -euo pipefail
cd "$(dirname "$0")/.."

lock_before="$(sha256sum package-lock.json)"
bash scripts/provision.sh test
if [ "$(sha256sum package-lock.json)" != "$lock_before" ]; then
  echo "npm install changed package-lock.json: commit the lockfile npm writes, so that a fresh clone installs exactly it." >&2
  git diff --stat -- package-lock.json 2> /dev/null >&2 || true
  exit 1
fi
if [ -f .data/bin-paths.env ]; then
  # shellcheck disable=SC1091
  set -a && . .data/bin-paths.env && set +a
fi

started=$(date +%s)
rm -rf tmp/test-counts

echo "== format"
npx prettier --check . --log-level warn

echo "== shell scripts"
for script in scripts/*.sh .ci/run; do bash -n "$script"; done
shellcheck scripts/*.sh .ci/run

echo "== lint, typecheck, build"
npx nx run-many -t lint typecheck build --output-style=static
npx tsc -p bench/tsconfig.json

echo "== tests"
# A bound well inside CI's own limit, so that a run that hangs ends with this message and not a killed job.
test_limit_minutes="${LOA_TEST_LIMIT_MINUTES:-60}"
status=0
timeout --kill-after=30s "${test_limit_minutes}m" npx nx run-many -t test --output-style=static --skip-nx-cache || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "The tests did not finish within ${test_limit_minutes} minutes (LOA_TEST_LIMIT_MINUTES); server logs are in tmp/test-logs." >&2
fi
# The summary names each failed test last, where a log that keeps only its tail still shows it.
summary_status=0
node --import tsx tools/test-summary/main.ts || summary_status=$?
[ "$status" -eq 0 ] || exit "$status"
[ "$summary_status" -eq 0 ] || exit "$summary_status"
echo "All checks passed in $(( $(date +%s) - started )) s."
