#!/usr/bin/env bash
# The set-up `npm start` and `npm test` do before their real work, so a fresh clone needs no
# separate step: Node 22 (from the npm registry when the machine's is older), the locked
# dependencies, and the browsers the command drives (Debian's packages on Debian or Ubuntu).
# Each step is skipped when what it makes is already there, so a second run costs well under
# a second.
#
#   bash cli/setup.sh test                          set up, then `npm run test:all`
#   bash cli/setup.sh start [--browser firefox]     set up, then `tsx cli/start.ts …`
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "[set-up] $*" >&2; }

# Machines here ship Node 20 (end-of-life). Bring Node 22 from the npm registry as the plain
# per-platform binary package, which needs no install script. After `npm ci`, the project's
# own `node` devDependency makes every npm script run on Node 22 whatever the system has.
ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 22 ] && return 0
  local arch prefix
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
  prefix="${XDG_CACHE_HOME:-$HOME/.cache}/kent-stats-check/node22"
  if [ ! -x "$prefix/node_modules/node-linux-$arch/bin/node" ]; then
    say "Node $(node --version 2>/dev/null || echo '(none)') is older than 22: fetching Node 22 from the npm registry"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-fund --no-audit --no-package-lock \
      "node-linux-$arch@22" >&2
  fi
  export PATH="$prefix/node_modules/node-linux-$arch/bin:$PATH"
}

# `npm ci` when node_modules was not installed from this exact lock file. The stamp is written
# only after a complete install, so an interrupted one is redone.
ensure_dependencies() {
  local stamp=node_modules/.kent-stats-check-lock want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d .wxt ]; then return 0; fi
  say "Installing the locked dependencies (npm ci)"
  npm ci --no-fund --no-audit >&2
  echo "$want" >"$stamp"
}

# The browser each command drives; test tools cannot download browsers on these machines, so
# Debian's own packages are used. Elsewhere the harness says what to install when one is missing.
ensure_browser() {
  local name=$1 package path
  case "$name" in
    chromium) package=chromium path="${CHROME_PATH:-/usr/bin/chromium}" ;;
    firefox) package=firefox-esr path="${FIREFOX_PATH:-/usr/bin/firefox-esr}" ;;
  esac
  [ -x "$path" ] && return 0
  if [ -n "${CHROME_PATH:-}" ] && [ "$name" = chromium ]; then return 0; fi
  if [ -n "${FIREFOX_PATH:-}" ] && [ "$name" = firefox ]; then return 0; fi
  if ! command -v apt-get >/dev/null; then
    say "No $name at $path, and no apt-get to install one: see README \"Quick start\"."
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      say "No $name at $path: run \`apt-get install -y $package\` as root."
      return 0
    fi
    sudo="sudo"
  fi
  say "Installing Debian's $package"
  # Once per run: the package lists may be missing (fresh container) or stale.
  if [ -z "${apt_updated:-}" ]; then
    $sudo apt-get update -qq >&2
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
}

mode=${1:-}
shift || true
ensure_node
say "Using Node $(node --version)"
ensure_dependencies
case "$mode" in
  test)
    # The whole suite runs in both browsers, whatever E2E_BROWSERS says.
    unset E2E_BROWSERS
    ensure_browser chromium
    ensure_browser firefox
    exec npm run test:all
    ;;
  start)
    browser=chromium
    for arg in "$@"; do
      case "$arg" in firefox | --browser=firefox) browser=firefox ;; esac
    done
    ensure_browser "$browser"
    exec ./node_modules/.bin/tsx cli/start.ts "$@"
    ;;
  "") ;;
  *)
    say "unknown mode '$mode' (test or start)"
    exit 2
    ;;
esac
