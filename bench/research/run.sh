#!/usr/bin/env bash
# Research benchmark: BM25 passage selection and the library's PostgreSQL full-text search.
# Needs `./mvnw -DskipTests package` first and PostgreSQL on 127.0.0.1:5432 (database test).
# Usage: bench/research/run.sh [documents]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CP_FILE=target/bench-classpath.txt
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
exec "$JAVA" -cp "target/classes:$(cat "$CP_FILE")" bench/research/ResearchBench.java "$@"
