#!/usr/bin/env bash
# EMR step run by the retrain schedule: retrain as of today 00:00 UTC, then publish that version to HBase and
# Elasticsearch. A retrain that finds another one holding the views root's lock (exit 3) is not a failure:
# it says so and publishes nothing. Reports Tradewind/Retrain metrics, which the failure alarm watches.
# Usage: retrain-and-publish.sh RELEASE_URI
set -euo pipefail
release_uri="$1"
source "$(dirname "$0")/tradewind-env.sh"

dir=/home/hadoop/tradewind/release
mkdir -p "$dir"
# --delete: $dir is kept between runs, and jars of an earlier release would sit on the launcher's lib/* class path
aws s3 sync --quiet --delete "$release_uri/" "$dir/"

status=0
flink run -t yarn-per-job -Dyarn.application.name=tradewind-retrain \
  -c io.tradewind.batch.retrain.RetrainJob "$dir/tradewind-batch-layer-job.jar" \
  --config "$CONFIG_FILE" --as-of "$(date -u +%Y-%m-%dT00:00:00Z)" || status=$?

if (( status == 3 )); then
  echo "another retrain holds the lock; nothing published"
  exit 0
fi
if (( status != 0 )); then
  put_metric Tradewind/Retrain RetrainFailed 1
  exit "$status"
fi

export_elasticsearch_credentials
# java itself rather than bin/tradewind: S3 does not keep the script's executable bit.
java @"$dir/launcher/conf/jvm.options" -cp "$dir/launcher/lib/*" io.tradewind.infra.cli.TradewindCli publish --config "$CONFIG_FILE" \
  || { put_metric Tradewind/Retrain RetrainFailed 1; exit 1; }
put_metric Tradewind/Retrain RetrainSucceeded 1
