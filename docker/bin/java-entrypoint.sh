#!/bin/bash
# Starts the module's jar with the image's JVM flags. exec: java is PID 1 and gets SIGTERM itself,
# so a service closes Vert.x and leaves the Hazelcast cluster in order before the container stops.
set -euo pipefail
# shellcheck disable=SC2086 # JAVA_OPTS is a word list; the jar's manifest opens what Hazelcast needs
exec java $JAVA_OPTS -jar /app/app.jar "$@"
