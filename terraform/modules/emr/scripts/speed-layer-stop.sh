#!/usr/bin/env bash
# EMR step: stops the running speed layer with a savepoint (Flink's stop, which drains nothing and commits the
# Kafka offsets in the savepoint), so the next speed-layer-submit.sh resumes exactly where it stopped.
# Usage: speed-layer-stop.sh SAVEPOINT_URI
set -euo pipefail
savepoint_uri="$1"

app_id=$(yarn application -list -appStates RUNNING 2>/dev/null | awk '/tradewind-speed-layer/ {print $1}' | head -n1)
if [[ -z "$app_id" ]]; then
  echo "tradewind-speed-layer is not running; nothing to stop"
  exit 0
fi
job_id=$(flink list -t yarn-application -Dyarn.application.id="$app_id" 2>/dev/null \
  | awk '/RUNNING/ {print $4}' | head -n1)
flink stop -t yarn-application -Dyarn.application.id="$app_id" --savepointPath "$savepoint_uri" "$job_id"
