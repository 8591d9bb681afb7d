#!/usr/bin/env bash
# shellcheck disable=SC2016,SC2034 # check takes its condition as single-quoted code; run_t sets RC and OUT
# Exercises ./ticketing's process handling against a private copy of the system: its own data dir,
# ports and Hazelcast cluster name, so it never meets a developer's system. Cleans up everything it
# started, on failure too. Takes a few minutes (./ticketing up builds the jars first if they are
# missing). RUNNER_TEST_PORT_BASE (default 28000) moves every port; RUNNER_TEST_KEEP=1 keeps the
# data dir (logs) afterwards.
#
#   .ci/runner-test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T=./ticketing
began=$SECONDS

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ticketing-runner-test.XXXXXX")"
BASE="${RUNNER_TEST_PORT_BASE:-28000}"
export TICKETING_DATA_DIR="$WORK/data"
export HTTP_PORT=$((BASE + 80)) MONGO_WIRE_PORT=$((BASE + 17)) REDIS_PORT=$((BASE + 380))
export STRIPE_SANDBOX_PORT=$((BASE + 111)) MANAGEMENT_PORT_BASE=$((BASE + 1100))
export CLUSTER_PORT=$((BASE + 701)) CLUSTER_NAME="runner-test-$$"
unset TICKETS_INSTANCES ORDERS_INSTANCES PAYMENTS_INSTANCES GATEWAY_INSTANCES AUTH_INSTANCES EXPIRATION_INSTANCES
unset MONGO_URI REDIS_URI STRIPE_KEY STRIPE_API_BASE JWT_KEY START_RETRIES
DATA="$TICKETING_DATA_DIR"
RUN="$DATA/run"
MARKER="-Dticketing.process=$DATA/"
HELPERS=()
CHECKS=0

say() { printf '%s\n' "$*"; }
ok() { CHECKS=$((CHECKS + 1)); say "ok   $*"; }
fail() { say "FAIL $*"; exit 1; }
# check WHAT CONDITION: CONDITION is shell code, evaluated here.
check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

cleanup() {
  local rc=$? f pid stat
  trap - EXIT INT TERM
  if [ $rc -ne 0 ]; then
    say "--- runner test failed (rc $rc); status and log tails:"
    "$T" status 2>&1 || true
    for f in "$DATA"/logs/*.log; do [ -f "$f" ] && { say "--- $f"; tail -n 15 "$f"; }; done
  fi
  say "--- cleaning up"
  "$T" down >/dev/null 2>&1 || true
  # The helpers this test started, and their children (a look-alike's sleep).
  for pid in "${HELPERS[@]}"; do
    for f in /proc/[0-9]*/stat; do
      read -r stat 2>/dev/null <"$f" || continue
      stat="${stat##*) }"; stat="${stat#* }"
      [ "${stat%% *}" = "$pid" ] || continue
      f="${f#/proc/}"; kill -KILL "${f%/stat}" 2>/dev/null || true
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # A safety net in case down failed: anything still carrying this data dir's marker, or Redis in it.
  for f in /proc/[0-9]*; do
    pid="${f#/proc/}"
    [ "$pid" != $$ ] || continue
    if grep -q -a -F -e "$MARKER" "$f/cmdline" 2>/dev/null || [ "$f/cwd" -ef "$DATA/redis" ]; then
      say "  safety net: killing $(tr '\0' ' ' 2>/dev/null <"$f/cmdline" | cut -c1-80)"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "${RUNNER_TEST_KEEP:-}" ]; then say "  kept $WORK"; else rm -rf "$WORK"; fi
  say "runner test: $([ $rc -eq 0 ] && echo PASSED || echo FAILED), $CHECKS checks in $((SECONDS - began))s"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# run_t ARGS...: runs ./ticketing, output indented into OUT and shown; its exit code in RC.
run_t() {
  say "  \$ ./ticketing $*"
  if OUT="$("$T" "$@" 2>&1)"; then RC=0; else RC=$?; fi
  printf '%s\n' "$OUT" | sed 's/^/    | /'
}

# The STATE, PORT and HEALTH columns of one process in ./ticketing status.
status_line() { "$T" status | awk -v n="$1" '$1 == n'; }
state_is() { [ "$(status_line "$1" | awk '{ print $3 }')" = "$2" ]; }
health_of() { status_line "$1" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }'; }
ready() { curl -fsS -m 3 -o /dev/null "$1"; }
pid_in_file() { cat "$RUN/$1.pid" 2>/dev/null || true; }
env_has() { tr '\0' '\n' 2>/dev/null <"/proc/$1/environ" | grep -qxF -e "$2"; }
has_arg() { tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline" | grep -qxF -e "$2"; }
alive() { kill -0 "$1" 2>/dev/null; }
proc_state() { local stat; read -r stat <"/proc/$1/stat" 2>/dev/null || return 0; stat="${stat##*) }"; printf '%s' "${stat%% *}"; }
gone() { local i; for ((i = 0; i < 100; i++)); do [ -d "/proc/$1" ] || return 0; [ "$(proc_state "$1")" = Z ] && return 0; sleep 0.1; done; return 1; }
every_service_ready() {
  local name
  for name in redis mongo-wire stripe-sandbox auth tickets orders expiration payments gateway; do
    state_is "$name" running || { say "    $name is not running"; return 1; }
  done
  for name in auth tickets orders expiration payments gateway; do
    [ "$(health_of "$name")" = ready ] || { say "    $name is not ready"; return 1; }
  done
}
no_marked_jvm() { ! grep -l -a -F -e "$MARKER" /proc/[0-9]*/cmdline 2>/dev/null | grep -v "^/proc/$$/" | while read -r f; do has_arg "$(basename "$(dirname "$f")")" -jar && echo "$f"; done | grep -q .; }

say "runner test: data $DATA, ports $HTTP_PORT (http), $MANAGEMENT_PORT_BASE+ (management), $MONGO_WIRE_PORT, $REDIS_PORT, $STRIPE_SANDBOX_PORT, cluster $CLUSTER_NAME:$CLUSTER_PORT"
for port in "$HTTP_PORT" $((HTTP_PORT + 1)) "$MONGO_WIRE_PORT" "$REDIS_PORT" "$STRIPE_SANDBOX_PORT" \
            $((MANAGEMENT_PORT_BASE + 1)) $((MANAGEMENT_PORT_BASE + 2)) $((MANAGEMENT_PORT_BASE + 3)) \
            $((MANAGEMENT_PORT_BASE + 4)) $((MANAGEMENT_PORT_BASE + 5)) $((MANAGEMENT_PORT_BASE + 12)); do
  port_open "$port" && fail "port $port is already in use; choose other ports with RUNNER_TEST_PORT_BASE"
done
check "ticketing parses (bash -n)" 'bash -n "$T"'

say "== 1. up from nothing"
run_t up
check "up exits 0" '[ "$RC" -eq 0 ]'
check "every process runs and every service is ready" 'every_service_ready'
check "the JVMs carry the process marker" 'has_arg "$(pid_in_file tickets)" "${MARKER}tickets"'
check "the gateway answers /ready" 'ready "http://127.0.0.1:$HTTP_PORT/ready"'

say "== 2. kill -9 of one JVM, then up heals it"
old="$(pid_in_file tickets)"
kill -KILL "$old"
check "the killed JVM is gone" 'gone "$old"'
check "status reports tickets stopped" 'state_is tickets stopped'
run_t up
check "up exits 0 after kill -9" '[ "$RC" -eq 0 ]'
check "tickets runs again under a new pid" '[ -n "$(pid_in_file tickets)" ] && [ "$(pid_in_file tickets)" != "$old" ]'
check "everything is ready again" 'every_service_ready'

say "== 3. ./ticketing kill, then up heals"
run_t kill orders
check "kill exits 0" '[ "$RC" -eq 0 ]'
check "status reports orders stopped" 'state_is orders stopped'
run_t kill tickets-2
check "kill of a process that is not running fails" '[ "$RC" -ne 0 ]'
run_t kill no-such-service
check "kill of an unknown name fails" '[ "$RC" -ne 0 ]'
run_t up
check "up exits 0 after ./ticketing kill" '[ "$RC" -eq 0 ]'
check "everything is ready again" 'every_service_ready'

say "== 4. stale pid files: a recycled pid, a zombie, look-alikes"
run_t down payments expiration auth
check "down NAME... exits 0" '[ "$RC" -eq 0 ]'
check "down NAME stopped payments" 'state_is payments stopped'
check "down NAME left tickets running" 'state_is tickets running'
sleep 1000 >/dev/null 2>&1 &
sleeper=$!; HELPERS+=("$sleeper"); disown "$sleeper"
# A zombie: the child exits, its parent (now 'sleep', after exec) never reaps it.
bash -c 'sleep 0.2 & echo $! >"$1"; exec sleep 1000' zombie-maker "$WORK/zombie.pid" >/dev/null 2>&1 &
HELPERS+=("$!"); disown "$!"
for _ in $(seq 50); do [ -s "$WORK/zombie.pid" ] && [ "$(proc_state "$(cat "$WORK/zombie.pid")")" = Z ] && break; sleep 0.1; done
zombie="$(cat "$WORK/zombie.pid")"
check "the zombie is a zombie (and kill -0 still succeeds on it)" '[ "$(proc_state "$zombie")" = Z ] && alive "$zombie"'
# Look-alikes: the right marker with the wrong jar; the right jar with another data dir's marker.
bash -c 'sleep 1000; :' "$PWD/verticles/orders/target/orders.jar" "${MARKER}auth" >/dev/null 2>&1 &
lookalike1=$!; HELPERS+=("$lookalike1"); disown "$lookalike1"
bash -c 'sleep 1000; :' "$PWD/verticles/auth/target/auth.jar" "-Dticketing.process=$WORK/other-data/auth" >/dev/null 2>&1 &
lookalike2=$!; HELPERS+=("$lookalike2"); disown "$lookalike2"
plant() { echo "$sleeper" >"$RUN/payments.pid"; echo "$zombie" >"$RUN/expiration.pid"; echo "$lookalike1" >"$RUN/auth.pid"; }
plant
check "status reports payments (pid file: a live sleep) stopped" 'state_is payments stopped'
check "status reports expiration (pid file: a zombie) stopped" 'state_is expiration stopped'
check "status reports auth (pid file: a look-alike) stopped" 'state_is auth stopped'
check "status explains the stale pid files" '[[ "$(health_of payments)" == "stale pid file"*"not ours"* && "$(health_of expiration)" == *zombie* ]]'
run_t down
check "down exits 0" '[ "$RC" -eq 0 ]'
check "down did not kill the sleep" 'alive "$sleeper"'
check "down did not kill the look-alikes" 'alive "$lookalike1" && alive "$lookalike2"'
check "down removed the stale pid files" '[ ! -e "$RUN/payments.pid" ] && [ ! -e "$RUN/expiration.pid" ] && [ ! -e "$RUN/auth.pid" ]'
check "down stopped every JVM of ours" 'no_marked_jvm'
check "down stopped redis and the gateway" 'state_is redis stopped && ! port_open "$HTTP_PORT" && ! port_open "$REDIS_PORT"'
plant
run_t up
check "up exits 0 over stale pid files" '[ "$RC" -eq 0 ]'
check "everything is ready" 'every_service_ready'
check "up started the real payments" 'has_arg "$(pid_in_file payments)" "${MARKER}payments"'
check "the helpers still live" 'alive "$sleeper" && alive "$lookalike1" && alive "$lookalike2"'

say "== 5. a process that keeps exiting: bounded restarts"
run_t down auth
BCRYPT_COST=99 START_RETRIES=2 run_t up
check "up fails when auth exits at every start" '[ "$RC" -ne 0 ]'
check "up said auth exited and restarted it twice" '[[ "$OUT" == *"auth exited while starting (restarted 2 times)"* ]]'
check "up showed auth's log" '[[ "$OUT" == *BCRYPT_COST* ]]'
run_t up
check "up heals auth with good settings" '[ "$RC" -eq 0 ]'

say "== 6. a port held by a stranger"
mkdir -p "$WORK/stranger"
redis-server --bind 127.0.0.1 --port $((HTTP_PORT + 1)) --dir "$WORK/stranger" --save "" --daemonize no >/dev/null 2>&1 &
stranger=$!; HELPERS+=("$stranger"); disown "$stranger"
for _ in $(seq 50); do port_open $((HTTP_PORT + 1)) && break; sleep 0.1; done
TICKETS_INSTANCES=2 GATEWAY_INSTANCES=2 run_t up
check "up refuses when gateway-2's port is taken" '[ "$RC" -ne 0 ]'
check "up names the port and the pid holding it" '[[ "$OUT" == *"port $((HTTP_PORT + 1)) is in use by pid $stranger"* ]]'
check "up started nothing meanwhile" '[ -z "$(pid_in_file tickets-2)" ]'
kill -TERM "$stranger"; gone "$stranger"

say "== 7. two instances of tickets and of the gateway"
TICKETS_INSTANCES=2 GATEWAY_INSTANCES=2 run_t up
check "up exits 0" '[ "$RC" -eq 0 ]'
check "up printed both gateway URLs" '[[ "$OUT" == *"http://127.0.0.1:$HTTP_PORT"* && "$OUT" == *"gateway-2: http://127.0.0.1:$((HTTP_PORT + 1))"* ]]'
check "gateway answers /ready" 'ready "http://127.0.0.1:$HTTP_PORT/ready"'
check "gateway-2 answers /ready" 'ready "http://127.0.0.1:$((HTTP_PORT + 1))/ready"'
check "tickets-2 answers /ready on base+12" 'ready "http://127.0.0.1:$((MANAGEMENT_PORT_BASE + 12))/ready"'
run_t status
check "status lists tickets-2 running and ready on its port" '[[ "$(status_line tickets-2)" =~ running.*\ $((MANAGEMENT_PORT_BASE + 12))\ +ready ]]'
check "status lists gateway-2 on HTTP_PORT+1" '[[ "$(status_line gateway-2)" =~ running.*\ $((HTTP_PORT + 1))\ +ready ]]'
check "tickets-2 has its own log, pid file and SERVICE_NAME" '[ -s "$DATA/logs/tickets-2.log" ] && env_has "$(pid_in_file tickets-2)" SERVICE_NAME=tickets-2'
check "tickets-2 gets its own management port and the cluster settings" 'env_has "$(pid_in_file tickets-2)" "TICKETS_MANAGEMENT_PORT=$((MANAGEMENT_PORT_BASE + 12))" && env_has "$(pid_in_file tickets-2)" "CLUSTER_NAME=$CLUSTER_NAME" && env_has "$(pid_in_file tickets-2)" "CLUSTER_PORT=$CLUSTER_PORT"'
check "gateway-2 gets HTTP_PORT+1 and GATEWAY_MANAGEMENT_PORT=base+10" 'env_has "$(pid_in_file gateway-2)" "GATEWAY_MANAGEMENT_PORT=$((MANAGEMENT_PORT_BASE + 10))" && env_has "$(pid_in_file gateway-2)" "HTTP_PORT=$((HTTP_PORT + 1))"'
run_t kill tickets-2
TICKETS_INSTANCES=2 GATEWAY_INSTANCES=2 run_t up
check "up heals tickets-2" '[ "$RC" -eq 0 ] && state_is tickets-2 running'
check "status without the instance variables still shows tickets-2" 'state_is tickets-2 running'
run_t down tickets-2 gateway-2
check "down tickets-2 gateway-2 stops them" 'TICKETS_INSTANCES=2 GATEWAY_INSTANCES=2 state_is tickets-2 stopped && TICKETS_INSTANCES=2 GATEWAY_INSTANCES=2 state_is gateway-2 stopped && ! port_open $((HTTP_PORT + 1))'
check "status without the instance variables no longer lists them" '[ -z "$(status_line tickets-2)" ]'
check "... and leaves tickets and gateway running" 'state_is tickets running && ready "http://127.0.0.1:$HTTP_PORT/ready"'

say "== 8. down"
run_t down
check "down exits 0" '[ "$RC" -eq 0 ]'
check "no JVM of ours is left" 'no_marked_jvm'
check "no port of ours is open" '! port_open "$HTTP_PORT" && ! port_open "$REDIS_PORT" && ! port_open "$MONGO_WIRE_PORT" && ! port_open "$((MANAGEMENT_PORT_BASE + 2))"'
check "instances have their own CDS archive" '[ -f "$DATA/cds/tickets-2.jsa" ] && [ -f "$DATA/cds/tickets.jsa" ]'
check "the unrelated sleep survived everything" 'alive "$sleeper"'
