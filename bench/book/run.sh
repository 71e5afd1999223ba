#!/usr/bin/env bash
# Book benchmark: a 20-chapter x 5-section book on the offline model with simulated latency, through a
# provider concurrency guard. Needs `./mvnw -DskipTests package` first (no database, no network).
# Usage: bench/book/run.sh [runs] [latency-ms] [provider-limit] [parallelism]   (default 3 100 4 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CP_FILE=target/bench-classpath.txt
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
exec "$JAVA" -cp "target/classes:$(cat "$CP_FILE")" bench/book/BookBench.java "$@"
