#!/usr/bin/env bash
# Builds ticketing/<module>:TAG for every verticle from its built jar (mvn package first), and
# ticketing/redis:TAG when the base carries redis-server.
#
#   docker/build-images.sh [MODULE...]   default: all; BASE_IMAGE (eclipse-temurin:21-jre), TAG (latest)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=docker/module-dir.sh
source "$ROOT/docker/module-dir.sh"
BASE_IMAGE="${BASE_IMAGE:-eclipse-temurin:21-jre}"
TAG="${TAG:-latest}"
MODULES=(auth tickets orders expiration payments gateway mongo-wire stripe-sandbox)
[ $# -eq 0 ] || MODULES=("$@")
# The classic builder: this engine has no BuildKit client plugin, and the recipes need nothing newer.
export DOCKER_BUILDKIT=0

for module in "${MODULES[@]}"; do
  if [ "$module" = redis ]; then
    tar -C "$ROOT" -c docker/Dockerfile.redis \
      | docker build -q -f docker/Dockerfile.redis --build-arg BASE_IMAGE="$BASE_IMAGE" -t "ticketing/redis:$TAG" - >/dev/null
    echo "built ticketing/redis:$TAG"
    continue
  fi
  dir="$(module_dir "$module")"
  jar="$dir/target/$module.jar"
  [ -f "$ROOT/$jar" ] || { echo "missing $jar: run mvn -B -o package -DskipTests first" >&2; exit 1; }
  # Only what the image needs goes to the engine (the repository is gigabytes of build output).
  tar -C "$ROOT" -c docker/Dockerfile docker/bin conf "$jar" \
    | docker build -q -f docker/Dockerfile --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg MODULE="$module" --build-arg MODULE_DIR="$dir" \
        -t "ticketing/$module:$TAG" - >/dev/null
  echo "built ticketing/$module:$TAG"
done
