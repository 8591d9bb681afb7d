#!/bin/bash
# The image's HEALTHCHECK. Bash's /dev/tcp instead of curl: the JRE base images have no curl, and a
# java single-file launch would cost a second JVM (~100 MB, seconds of CPU) every interval.
# Services and the gateway: GET /health on the management port must answer 200. Stand-ins: their port must accept.
set -euo pipefail
module="${TICKETING_MODULE:?TICKETING_MODULE is set by the image}"
case "$module" in
  gateway) port="${GATEWAY_MANAGEMENT_PORT:-9100}" ;;
  auth) port="${AUTH_MANAGEMENT_PORT:-9101}" ;;
  tickets) port="${TICKETS_MANAGEMENT_PORT:-9102}" ;;
  orders) port="${ORDERS_MANAGEMENT_PORT:-9103}" ;;
  expiration) port="${EXPIRATION_MANAGEMENT_PORT:-9104}" ;;
  payments) port="${PAYMENTS_MANAGEMENT_PORT:-9105}" ;;
  mongo-wire) exec 3<>"/dev/tcp/127.0.0.1/${MONGO_WIRE_PORT:-27017}"; exit 0 ;;
  stripe-sandbox) exec 3<>"/dev/tcp/127.0.0.1/${STRIPE_SANDBOX_PORT:-12111}"; exit 0 ;;
  *) echo "healthcheck: unknown module '$module'" >&2; exit 1 ;;
esac
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r -t 4 status <&3
[[ $status =~ ^HTTP/1\.[01]\ 200 ]] || { echo "healthcheck: $status" >&2; exit 1; }
