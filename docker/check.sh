#!/usr/bin/env bash
# The container check: builds every image and runs the whole system as containers on this machine,
# then buys a ticket through the gateway (sign up, sell, reserve, pay with tok_visa, order complete).
#
# It uses the Docker engine that answers (DOCKER_HOST or the default socket); where none does it
# installs docker.io (apt) and starts its own, with its state under CHECK_STATE_DIR, and stops it at
# the end. The state stays: the local base image (debootstrap, built once) and the layers are reused.
# Containers use the host network (this engine has no bridge) on ports of their own, so a system
# started by `./ticketing up` keeps running undisturbed; every container started here is removed on exit.
#
# Settings: CHECK_STATE_DIR [/var/tmp/ticketing-docker], CHECK_BASE_IMAGE [ticketing/base:trixie,
# built here if missing], CHECK_PORT_OFFSET [10000] (gateway 8080+offset, management 9101+offset..,
# Hazelcast 5701+offset, mongo-wire 17117, redis 16380, sandbox 22111 with the default offset).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=docker/module-dir.sh
source "$ROOT/docker/module-dir.sh"
STATE="${CHECK_STATE_DIR:-/var/tmp/ticketing-docker}"
BASE_IMAGE="${CHECK_BASE_IMAGE:-ticketing/base:trixie}"
OFFSET="${CHECK_PORT_OFFSET:-10000}"
TAG=check
SERVICES=(auth tickets orders expiration payments gateway)
MODULES=(mongo-wire stripe-sandbox "${SERVICES[@]}")
declare -A MGMT=([gateway]=$((9100 + OFFSET)) [auth]=$((9101 + OFFSET)) [tickets]=$((9102 + OFFSET)) [orders]=$((9103 + OFFSET))
                 [expiration]=$((9104 + OFFSET)) [payments]=$((9105 + OFFSET)))
HTTP_PORT=$((8080 + OFFSET))
CLUSTER_PORT=$((5701 + OFFSET))
MONGO_PORT=$((7117 + OFFSET))
REDIS_PORT=$((6380 + OFFSET))
SANDBOX_PORT=$((12111 + OFFSET))
CLUSTER_NAME="ticketing-containers-$OFFSET"
PREFIX="ticketing-check"
GATEWAY="http://127.0.0.1:$HTTP_PORT"

began=$SECONDS
mark=$SECONDS
say() { printf '[%4ds] %s\n' $((SECONDS - began)) "$*"; }
# done_step TEXT: reports what was done and how long it took since the previous step.
done_step() { say "$* ($((SECONDS - mark))s)"; mark=$SECONDS; }
die() { say "FAILED: $*" >&2; exit 1; }

apt_install() {
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

# ------------------------------------------------------------------ cleanup (always)

ENGINE_PID=""
STARTED=()
JARS=""
cleanup() {
  local rc=$? name
  trap - EXIT INT TERM
  [ -z "$JARS" ] || rm -rf "$JARS"
  if [ ${#STARTED[@]} -gt 0 ]; then
    if [ $rc -ne 0 ]; then
      for name in "${STARTED[@]}"; do
        printf '\n--- last lines of %s ---\n' "$name" >&2
        docker logs --tail 25 "$name" 2>&1 | cut -c1-300 >&2 || true
      done
    fi
    local stop_began=$SECONDS gateway=() services=() stores=()
    for name in "${STARTED[@]}"; do
      case "$name" in
        "$PREFIX-gateway") gateway+=("$name") ;;
        "$PREFIX-redis"|"$PREFIX-mongo-wire"|"$PREFIX-stripe-sandbox") stores+=("$name") ;;
        *) services+=("$name") ;;
      esac
    done
    # The order ./ticketing stops in; SIGTERM lets each JVM leave the Hazelcast cluster itself.
    [ ${#gateway[@]} -eq 0 ] || docker stop -t 30 "${gateway[@]}" >/dev/null 2>&1 || true
    [ ${#services[@]} -eq 0 ] || docker stop -t 30 "${services[@]}" >/dev/null 2>&1 || true
    [ ${#stores[@]} -eq 0 ] || docker stop -t 30 "${stores[@]}" >/dev/null 2>&1 || true
    docker rm -f -v "${STARTED[@]}" >/dev/null 2>&1 || true
    say "stopped and removed ${#STARTED[@]} containers ($((SECONDS - stop_began))s)"
  fi
  if [ -n "$ENGINE_PID" ]; then
    kill -TERM "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    say "stopped the Docker engine this check started (pid $ENGINE_PID)"
  fi
  [ $rc -eq 0 ] && say "container check passed in $((SECONDS - began))s" || say "container check FAILED (exit $rc)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ engine

command -v curl >/dev/null || apt_install curl
command -v jq >/dev/null || apt_install jq
if ! docker info >/dev/null 2>&1; then
  own="unix://$STATE/docker.sock"
  if DOCKER_HOST="$own" docker info >/dev/null 2>&1; then
    export DOCKER_HOST="$own"   # one an earlier, interrupted check left running: use it, leave it
  else
    command -v dockerd >/dev/null || apt_install docker.io
    mkdir -p "$STATE"
    # vfs: works on any file system (no overlay mounts inside this VM); no bridge and no iptables:
    # containers use the host network, and the host's firewall stays as it is.
    dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none \
      --data-root "$STATE/root" --exec-root "$STATE/exec" --pidfile "$STATE/dockerd.pid" \
      -H "$own" >>"$STATE/dockerd.log" 2>&1 &
    ENGINE_PID=$!
    export DOCKER_HOST="$own"
    for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || die "the Docker engine did not start; see $STATE/dockerd.log"
  fi
fi
done_step "Docker engine $(docker version --format '{{.Server.Version}}') at ${DOCKER_HOST:-the default socket}${ENGINE_PID:+ (started here, pid $ENGINE_PID)}"

# Leftovers of an interrupted earlier check would hold our ports.
leftovers="$(docker ps -aq --filter "name=^$PREFIX-")"
[ -z "$leftovers" ] || docker rm -f -v $leftovers >/dev/null

# ------------------------------------------------------------------ images

if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  done_step "base image $BASE_IMAGE cached"
else
  "$ROOT/docker/build-base.sh" "$BASE_IMAGE"
  done_step "built base image $BASE_IMAGE"
fi

missing=()
missing_dirs=()
for module in "${MODULES[@]}"; do
  [ -f "$ROOT/$(module_dir "$module")/target/$module.jar" ] || { missing+=("$module"); missing_dirs+=("$(module_dir "$module")"); }
done
if [ ${#missing[@]} -gt 0 ]; then
  (cd "$ROOT" && mvn -q -B -o package -DskipTests -pl "$(IFS=,; echo "${missing_dirs[*]}")" -am) \
    || die "mvn package failed"
  done_step "built the jars of ${missing[*]}"
fi

# The classic builder's deprecation notice is noise here.
if ! BASE_IMAGE="$BASE_IMAGE" TAG="$TAG" "$ROOT/docker/build-images.sh" "${MODULES[@]}" redis 2>&1 \
     | { grep -v -e 'legacy builder is deprecated' -e 'BuildKit is currently disabled' -e 'environment-variable\.' -e '^$' || true; } \
     | sed 's/^/         /'; then
  die "image build failed"
fi
done_step "built ${#MODULES[@]} verticle images and ticketing/redis:$TAG"

# ------------------------------------------------------------------ containers

# run NAME IMAGE [docker run options...] [-- command...]: one container on the host network, as Kubernetes would run
# it: read-only root with a writable /tmp, the image's non-root user, a memory limit the JVM sizes to.
# Options after "--" are the container's command.
run() {
  local name="$PREFIX-$1" image="$2" options=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  STARTED+=("$name")
  docker run -d --name "$name" --network host --read-only --tmpfs /tmp --memory 512m "${options[@]}" "$image" "$@" >/dev/null
}

webhook_secret="whsec_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
jwt_key="$(head -c 48 /dev/urandom | base64 -w0)"
members=""
for ((i = 0; i < ${#SERVICES[@]}; i++)); do members+="${members:+,}127.0.0.1:$((CLUSTER_PORT + i))"; done
cluster=(-e CLUSTER_NAME="$CLUSTER_NAME" -e CLUSTER_PORT="$CLUSTER_PORT" -e CLUSTER_MEMBERS="$members"
         -e CLUSTER_INTERFACE=127.0.0.1 -e CLUSTER_HOST=127.0.0.1)
mongo=(-e MONGO_URI="mongodb://127.0.0.1:$MONGO_PORT")
redis=(-e REDIS_URI="redis://127.0.0.1:$REDIS_PORT")

run redis "ticketing/redis:$TAG" -v /data --health-cmd "redis-cli -p $REDIS_PORT ping | grep -q PONG" \
  --health-interval 2s -- redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir /data --appendonly yes --appendfsync always --save ""
run mongo-wire "ticketing/mongo-wire:$TAG" -v /data -e MONGO_WIRE_PORT="$MONGO_PORT"
run stripe-sandbox "ticketing/stripe-sandbox:$TAG" -e STRIPE_SANDBOX_PORT="$SANDBOX_PORT" \
  -e STRIPE_SANDBOX_WEBHOOK_SECRET="$webhook_secret" -e STRIPE_SANDBOX_WEBHOOK_URL="$GATEWAY/api/webhooks/stripe"
run auth "ticketing/auth:$TAG" "${cluster[@]}" "${mongo[@]}" "${redis[@]}" -e AUTH_MANAGEMENT_PORT="${MGMT[auth]}"
run tickets "ticketing/tickets:$TAG" "${cluster[@]}" "${mongo[@]}" -e TICKETS_MANAGEMENT_PORT="${MGMT[tickets]}"
run orders "ticketing/orders:$TAG" "${cluster[@]}" "${mongo[@]}" -e ORDERS_MANAGEMENT_PORT="${MGMT[orders]}"
run expiration "ticketing/expiration:$TAG" "${cluster[@]}" "${redis[@]}" -e EXPIRATION_MANAGEMENT_PORT="${MGMT[expiration]}"
run payments "ticketing/payments:$TAG" "${cluster[@]}" "${mongo[@]}" -e PAYMENTS_MANAGEMENT_PORT="${MGMT[payments]}" \
  -e STRIPE_KEY=sk_test_local_sandbox -e STRIPE_API_BASE="http://127.0.0.1:$SANDBOX_PORT"
run gateway "ticketing/gateway:$TAG" "${cluster[@]}" -e HTTP_PORT="$HTTP_PORT" -e JWT_KEY="$jwt_key" \
  -e GATEWAY_MANAGEMENT_PORT="${MGMT[gateway]}" \
  -e STRIPE_WEBHOOK_SECRET="$webhook_secret"
done_step "started ${#STARTED[@]} containers (gateway on $GATEWAY, Hazelcast from port $CLUSTER_PORT, cluster $CLUSTER_NAME)"

# Ready: the gateway's /ready (it pings every service), each service's own /ready, and Docker's
# HEALTHCHECK of every container reporting healthy (which proves the image's check works).
deadline=$((SECONDS + ${CHECK_READY_TIMEOUT_SECONDS:-240}))
while :; do
  pending=()
  curl -fsS -m 3 -o /dev/null "$GATEWAY/ready" 2>/dev/null || pending+=("gateway:/ready")
  for svc in "${!MGMT[@]}"; do
    curl -fsS -m 3 -o /dev/null "http://127.0.0.1:${MGMT[$svc]}/ready" 2>/dev/null || pending+=("$svc:/ready")
  done
  for name in "${STARTED[@]}"; do
    state="$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name")"
    [ "${state%% *}" = running ] || die "$name is ${state}"
    [ "${state#* }" = healthy ] || pending+=("${name#"$PREFIX-"}:${state#* }")
  done
  [ ${#pending[@]} -eq 0 ] && break
  [ $SECONDS -lt $deadline ] || die "not ready in time: ${pending[*]}"
  sleep 2
done
done_step "every /ready answers 200 and all ${#STARTED[@]} containers report healthy"

# ------------------------------------------------------------------ a purchase through the gateway

JARS="$(mktemp -d)"
# api USER METHOD PATH [JSON]: sets STATUS and BODY; each user keeps its session cookie in a jar.
api() {
  local user="$1" method="$2" path="$3" data="${4:-}" out
  out="$(curl -sS -m 20 -b "$JARS/$user" -c "$JARS/$user" -X "$method" -H 'Content-Type: application/json' \
           ${data:+--data "$data"} -w '\n%{http_code}' "$GATEWAY$path")"
  STATUS="${out##*$'\n'}"; BODY="${out%$'\n'*}"
}
# expect CODE WHAT: fails unless the last call answered CODE.
expect() { [ "$STATUS" = "$1" ] || die "$2: expected $1, got $STATUS $BODY"; }
# retry_while_404 USER METHOD PATH JSON: a service that has not heard of an event yet answers 404.
retry_while_404() {
  local until=$((SECONDS + 30))
  while :; do
    api "$@"
    [ "$STATUS" = 404 ] && [ $SECONDS -lt $until ] || return 0
    sleep 0.3
  done
}

tag="$(date +%s)-$$"
api seller POST /api/users/signup "{\"email\":\"seller-$tag@example.com\",\"password\":\"a long password\"}"
expect 201 "seller sign-up"
api buyer POST /api/users/signup "{\"email\":\"buyer-$tag@example.com\",\"password\":\"a long password\"}"
expect 201 "buyer sign-up"
done_step "signed up a seller and a buyer"
api seller POST /api/tickets '{"title":"Container night","price":25}'
expect 201 "listing a ticket"
ticket_id="$(jq -r .id <<<"$BODY")"
done_step "listed ticket $ticket_id"
retry_while_404 buyer POST /api/orders "{\"ticketId\":\"$ticket_id\"}"
expect 201 "reserving the ticket"
order_id="$(jq -r .id <<<"$BODY")"
done_step "reserved it: order $order_id ($(jq -r .status <<<"$BODY"))"
retry_while_404 buyer POST /api/payments "{\"orderId\":\"$order_id\",\"token\":\"tok_visa\"}"
expect 201 "paying with tok_visa"
done_step "paid with tok_visa: payment $(jq -r '.id // .stripeId // "created"' <<<"$BODY")"
until=$((SECONDS + 30))
while :; do
  api buyer GET "/api/orders/$order_id"
  expect 200 "showing the order"
  status="$(jq -r .status <<<"$BODY")"
  [ "$status" = complete ] && break
  [ $SECONDS -lt $until ] || die "the order is still '$status' 30 s after the payment"
  sleep 0.3
done
done_step "the gateway shows order $order_id complete"

# ------------------------------------------------------------------ metrics from every container
# Each JVM's management port serves Prometheus' text format; the gateway's counts the purchase's requests.
for svc in "${!MGMT[@]}"; do
  metrics="$(curl -fsS -m 5 "http://127.0.0.1:${MGMT[$svc]}/metrics")" || die "$svc: GET /metrics failed"
  grep -q "service=\"$svc\"" <<<"$metrics" || die "$svc: /metrics has no series tagged service=\"$svc\""
done
curl -fsS -m 5 "http://127.0.0.1:${MGMT[gateway]}/metrics" | grep -q 'vertx_http_server_requests_total{.*route="/api/orders"' \
  || die "the gateway's /metrics does not count requests by route"
done_step "every container's /metrics answers, the gateway's with requests by route"
