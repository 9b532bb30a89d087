# Shared by the infra scripts (sourced, not run): where runtime state lives, free ports, stopping by pidfile.
INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$INFRA_DIR/.." && pwd)
# Runtime state (pids, logs, data) never goes into the tracked tree; HB_RUN_DIR moves it elsewhere.
RUN_DIR=${HB_RUN_DIR:-$INFRA_DIR/.run}

log() { echo "[infra] $*" >&2; }

# A port the kernel just handed out on loopback and released; good enough for one machine's test servers.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# True when the pidfile names a live process whose command line contains $2.
pid_alive() {
  local pidfile=$1 pattern=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"
}

# SIGTERM, up to $3 seconds for a clean exit, then SIGKILL; removes the pidfile.
stop_pidfile() {
  local pidfile=$1 pattern=$2 grace=${3:-30} pid i
  if pid_alive "$pidfile" "$pattern"; then
    pid=$(<"$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      [[ -d /proc/$pid ]] || break
      sleep 0.1
    done
    if [[ -d /proc/$pid ]]; then
      log "$pattern (pid $pid) did not stop in ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      while [[ -d /proc/$pid ]]; do sleep 0.1; done
    fi
  fi
  rm -f "$pidfile"
}

# phase NAME CMD…: runs CMD (a command or function) and prints "phase NAME: 12.3 s" even when it fails.
phase() {
  local name=$1 start rc
  shift
  start=$(date +%s%N)
  "$@"
  rc=$?
  printf 'phase %s: %s s%s\n' "$name" "$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')" \
    "$([[ $rc -eq 0 ]] || echo " (failed, exit $rc)")"
  return $rc
}
