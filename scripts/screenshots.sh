#!/usr/bin/env bash
# The README's screenshots of the builder (docs/screenshots/*.png): provisions what is missing, builds the API, and
# runs apps/builder/e2e/readme-screenshots.test.ts against the shared browser-test stack with LOA_SCREENSHOT_DIR set.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision.sh test
if [ -f .data/bin-paths.env ]; then
  # shellcheck disable=SC1091
  set -a && . .data/bin-paths.env && set +a
fi
npx nx build @loa/api --output-style=static
cd apps/builder
LOA_SCREENSHOT_DIR="$PWD/../../docs/screenshots" \
  NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" \
  npx jest e2e/readme-screenshots.test.ts
