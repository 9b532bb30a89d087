#!/usr/bin/env bash
# Installs what building and testing need, each step skipped when already done, so `make install` is cheap
# the second time: Debian packages, npm packages, the Python packages tests use, the Kafka broker jars.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
cd "$ROOT_DIR"

debian_packages() {
  local missing=() pkg
  for pkg in redis-server redis-tools hunspell hunspell-ru hunspell-en-us unicode-data; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "apt-get install ${missing[*]}"
  # Another apt run (e.g. unattended upgrades) may hold the lock for a while: wait for it.
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

npm_packages() {
  # `npm ls` fails when node_modules is missing or does not satisfy package.json.
  if [[ -d node_modules ]] && npm ls >/dev/null 2>&1; then return 0; fi
  log "installing npm packages"
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
}

python_packages() {
  local stamp=$RUN_DIR/install/requirements.sha256 sum
  [[ -f test/requirements.txt ]] || return 0
  sum=$(sha256sum test/requirements.txt | cut -d' ' -f1)
  [[ -f $stamp && $(<"$stamp") == "$sum" ]] && return 0
  log "pip install -r test/requirements.txt"
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -r test/requirements.txt
  mkdir -p "$(dirname "$stamp")"
  echo "$sum" >"$stamp"
}

debian_packages
npm_packages
python_packages
"$HERE/kafka/fetch.sh"
