#!/bin/bash
# Starts the module's jar with the image's JVM flags. exec: java is PID 1 and gets SIGTERM itself,
# so a service closes Vert.x and leaves the Hazelcast cluster in order before the container stops.
set -euo pipefail
# shellcheck disable=SC2086 # JAVA_OPTS and HAZELCAST_FLAGS are word lists
exec java $JAVA_OPTS $HAZELCAST_FLAGS -jar /app/app.jar "$@"
