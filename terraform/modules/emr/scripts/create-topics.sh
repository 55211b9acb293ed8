#!/usr/bin/env bash
# EMR step: creates the Kafka topics on MSK (the AWS provider has no topic resource). Idempotent: an existing
# topic is left as it is, except that its retention is set again, so changing retention is a re-run.
# Usage: create-topics.sh BOOTSTRAP REPLICATION NAME:PARTITIONS:RETENTION_MS...
set -euo pipefail
bootstrap="$1"; replication="$2"; shift 2

tools=/home/hadoop/tradewind/kafka-tools
if [[ ! -x "$tools/bin/kafka-topics.sh" ]]; then
  mkdir -p "$tools"
  # The release upload puts a Kafka distribution and the MSK IAM auth jar here (terraform/README.md, runbook).
  aws s3 cp --quiet "${TRADEWIND_TOOLS_URI:?}/kafka.tgz" /tmp/kafka.tgz
  tar -xzf /tmp/kafka.tgz -C "$tools" --strip-components=1
  aws s3 cp --quiet "${TRADEWIND_TOOLS_URI}/aws-msk-iam-auth-all.jar" "$tools/libs/"
fi

client=/home/hadoop/tradewind/kafka-client.properties
cat > "$client" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=AWS_MSK_IAM
sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
PROPS

for spec in "$@"; do
  IFS=: read -r name partitions retention_ms <<<"$spec"
  "$tools/bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$client" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$replication" \
    --config "retention.ms=$retention_ms"
  "$tools/bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$client" --alter \
    --entity-type topics --entity-name "$name" --add-config "retention.ms=$retention_ms"
done
