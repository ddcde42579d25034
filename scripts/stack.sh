#!/usr/bin/env bash
# Thin wrapper: provisions (dev) before `up`, then hands over to tools/stack (TypeScript, run with tsx).
#   bash scripts/stack.sh [up|status|down|--help]      (npm run dev = up; npm run stack -- status|down)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-up}" in
  up) bash scripts/provision.sh dev ;;
esac
exec node --import tsx tools/stack/main.ts "$@"
