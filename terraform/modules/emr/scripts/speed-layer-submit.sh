#!/usr/bin/env bash
# EMR step: starts the speed layer in Flink application mode on YARN, restored from the newest savepoint or
# retained checkpoint when there is one (an upgrade, or a restart after the job or the cluster was lost), fresh
# otherwise. Stop the running job with speed-layer-stop.sh first: two jobs would both write the archive.
# Usage: speed-layer-submit.sh RELEASE_URI STATE_URI
set -euo pipefail
release_uri="$1"; state_uri="$2"
source "$(dirname "$0")/tradewind-env.sh"

if yarn application -list -appStates RUNNING,ACCEPTED 2>/dev/null | grep -q tradewind-speed-layer; then
  echo "error: tradewind-speed-layer is already running on YARN; stop it with speed-layer-stop.sh first" >&2
  exit 1
fi

# Savepoints and retained checkpoints both end in a _metadata file; the newest one is where the job left off.
latest=$(aws s3 ls --recursive "$state_uri/" | grep '/_metadata$' | sort -k1,2 | tail -n1 | awk '{print $4}' || true)
restore=()
if [[ -n "$latest" ]]; then
  bucket=$(echo "$state_uri" | cut -d/ -f3)
  restore=(--fromSavepoint "s3://$bucket/${latest%/_metadata}")
  echo "restoring from s3://$bucket/${latest%/_metadata}"
fi

jar=/home/hadoop/tradewind/tradewind-speed-layer-job.jar
aws s3 cp --quiet "$release_uri/tradewind-speed-layer-job.jar" "$jar"

mapfile -t kafka_conf < <(pass_through kafka.conf. --kafka-property)
mapfile -t hadoop_conf < <(pass_through hadoop.conf. --hadoop-conf)
mapfile -t hbase_conf < <(pass_through hbase.conf. --hbase-conf)

flink run-application -t yarn-application \
  -Dyarn.application.name=tradewind-speed-layer \
  -Dparallelism.default="$(prop speed.parallelism)" \
  "${restore[@]}" \
  "$jar" \
  --kafka "$(prop kafka.bootstrap-servers)" "${kafka_conf[@]}" \
  --events-topic "$(prop kafka.events-topic)" \
  --dead-letter-topic "$(prop kafka.dead-letter-topic)" \
  --group "$(prop kafka.consumer-group)" \
  --master-dataset "$(prop storage.master-dataset)" \
  --views "$(prop storage.views)" "${hadoop_conf[@]}" \
  --hbase-zookeeper "$(prop hbase.zookeeper-quorum)" \
  --hbase-znode-parent "$(prop hbase.znode-parent)" "${hbase_conf[@]}" \
  --namespace "$(prop hbase.namespace)" \
  --catalogue "$(prop elasticsearch.url)" \
  --catalogue-alias "$(prop elasticsearch.catalogue-alias)" \
  --parallelism "$(prop speed.parallelism)" \
  --checkpoint-interval "$(prop speed.checkpoint-interval)" \
  --version-check-interval "$(prop speed.version-check-interval)" \
  --trending-window "$(prop speed.trending-window)" \
  --trending-slide "$(prop speed.trending-slide)" \
  --trending-lateness "$(prop speed.trending-lateness)"
