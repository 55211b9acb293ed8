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

# In application mode the job's main runs in the YARN application master, not here. yarn.ship-files puts
# tradewind.properties in that container's working directory under its own name. The Elasticsearch credentials go
# into the master's environment through a private copy of Flink's configuration (EMR writes flink-conf.yaml from
# the flink-conf classification), so the password is in no process's arguments; Flink hides configuration values
# whose key names a password in its UI and logs.
export_elasticsearch_credentials
conf_dir=$(mktemp -d)
trap 'rm -rf "$conf_dir"' EXIT
cp -r "${FLINK_CONF_DIR:-/etc/flink/conf}/." "$conf_dir/"
chmod -R go-rwx "$conf_dir"
cat >>"$conf_dir/flink-conf.yaml" <<CONF
containerized.master.env.TRADEWIND_ELASTICSEARCH_USERNAME: $TRADEWIND_ELASTICSEARCH_USERNAME
containerized.master.env.TRADEWIND_ELASTICSEARCH_PASSWORD: $TRADEWIND_ELASTICSEARCH_PASSWORD
CONF

FLINK_CONF_DIR="$conf_dir" flink run-application -t yarn-application \
  -Dyarn.application.name=tradewind-speed-layer \
  -Dparallelism.default="$(prop speed.parallelism)" \
  -Dyarn.ship-files="$CONFIG_FILE" \
  "${restore[@]}" \
  "$jar" --config "$(basename "$CONFIG_FILE")"
