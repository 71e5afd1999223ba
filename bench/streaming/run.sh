#!/usr/bin/env bash
# Streaming benchmark: N concurrent generations (offline model with simulated latency) watched by M
# WebSocket subscribers. Starts the packaged server on a fresh PostgreSQL schema (and Redis with
# mode "redis"), runs bench/streaming/StreamingBench.java against it, stops it.
# Needs `./mvnw -DskipTests package` first, PostgreSQL on 127.0.0.1:5432 (database test) and, for
# mode redis, Redis on 127.0.0.1:6379.
# Usage: bench/streaming/run.sh [generations=200] [subscribers=1000] [redis|memory]
# Optional: BENCH_PORT (18080), BENCH_JAR (target/quillstream.jar), BENCH_SERVER_OPTS (extra JVM
# options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr), BENCH_CLIENT_OPTS (the
# same for the client), BENCH_LATENCY,
# BENCH_TOKEN_INTERVAL, BENCH_ROUNDS (2: the same server and client run the whole benchmark this many
# times, each round with new conversations; the first warms both JITs, the last is the steady state),
# BENCH_CLIENT (nio: a lean NIO reader; jdk: the JDK's HttpClient WebSocket), BENCH_TRACE (a path
# prefix: each round writes <prefix>.round<n>.tsv, the delays per 100 ms of receipt time),
# BENCH_SPREAD_MS (0: all generations are submitted at once; otherwise evenly over this many ms),
# BENCH_REDIS_PAUSE (<after ms>:<for ms>: that long after each round's generations are queued,
# Redis holds all writes that long, CLIENT PAUSE ... WRITE, as a Redis that stalls would).
set -euo pipefail
cd "$(dirname "$0")/../.."
GENERATIONS="${1:-200}"
SUBSCRIBERS="${2:-1000}"
MODE="${3:-redis}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT="${BENCH_PORT:-18080}"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  # The client would measure that server instead (and fail its handshakes with this run's key).
  echo "port $PORT is in use (another benchmark's server still running?); stop it or set BENCH_PORT" >&2
  exit 1
fi
KEY="qs_bench_streaming_key_$RANDOM$RANDOM"
SCHEMA="bench_streaming_$RANDOM$RANDOM"
psql -q -h 127.0.0.1 -U postgres test -c "create schema $SCHEMA"
DATA_DIR="$(mktemp -d)"
export QUILLSTREAM_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA"
export QUILLSTREAM_DATABASE_POOL_SIZE=30
export QUILLSTREAM_DATA_DIR="$DATA_DIR"
export QUILLSTREAM_BOOTSTRAP_API_KEY="$KEY"
export QUILLSTREAM_OFFLINE_LATENCY="${BENCH_LATENCY:-300ms}"
export QUILLSTREAM_OFFLINE_TOKEN_INTERVAL="${BENCH_TOKEN_INTERVAL:-20ms}"
export QUILLSTREAM_LLM_CACHE=false
export QUILLSTREAM_JOB_CONCURRENCY=$GENERATIONS
# All subscribers use one key; a round's sockets may still be closing when the next round connects.
export QUILLSTREAM_WS_MAX_SOCKETS_PER_ACCOUNT=$((SUBSCRIBERS * 2))
export QUILLSTREAM_JOB_POLL_INTERVAL=200ms
export SERVER_PORT="$PORT"
if [ "$MODE" = redis ]; then
  export REDIS_URL=redis://127.0.0.1:6379/0
  export QUILLSTREAM_REDIS_PREFIX="bench:$RANDOM$RANDOM:"
fi
"$JAVA" -Xmx1g ${BENCH_SERVER_OPTS:-} -jar "${BENCH_JAR:-target/quillstream.jar}" > target/bench-streaming-server.log 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  if [ "$MODE" = redis ]; then
    # The benchmark's conversations would otherwise stay in Redis for their 30-day retention.
    redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "${QUILLSTREAM_REDIS_PREFIX}*" | xargs -r -n 500 redis-cli -h 127.0.0.1 -p 6379 del >/dev/null || true
  fi
  psql -q -h 127.0.0.1 -U postgres test -c "set client_min_messages = warning; drop schema $SCHEMA cascade" || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
echo "== mode=$MODE latency=$QUILLSTREAM_OFFLINE_LATENCY token-interval=$QUILLSTREAM_OFFLINE_TOKEN_INTERVAL rounds=${BENCH_ROUNDS:-2}"
# One client JVM runs every round, so from round 2 on its own code is compiled as well as the server's.
"$JAVA" -Xms1g -Xmx1g ${BENCH_CLIENT_OPTS:-} -Dbench.rounds="${BENCH_ROUNDS:-2}" -Dbench.client="${BENCH_CLIENT:-nio}" -Dbench.trace="${BENCH_TRACE:-}" -Dbench.spread="${BENCH_SPREAD_MS:-0}" -Dbench.redisPause="${BENCH_REDIS_PAUSE:-}" bench/streaming/StreamingBench.java "http://127.0.0.1:$PORT" "$KEY" "$GENERATIONS" "$SUBSCRIBERS" "$SERVER"
