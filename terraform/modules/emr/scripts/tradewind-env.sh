#!/usr/bin/env bash
# Sourced by every step script: fetches tradewind.properties (written by terraform's platform-config module) and
# offers `prop KEY` to read one value from it. The file can appear a few minutes after the cluster: terraform
# writes it once the cluster's master address is known, and the cluster's first steps may already be running.
set -euo pipefail

CONFIG_URI="${TRADEWIND_CONFIG_URI:?TRADEWIND_CONFIG_URI must name the s3:// URI of tradewind.properties}"
CONFIG_FILE=/home/hadoop/tradewind/tradewind.properties
mkdir -p "$(dirname "$CONFIG_FILE")"

fetch_config() {
  local waited=0
  until aws s3 cp --quiet "$CONFIG_URI" "$CONFIG_FILE"; do
    if (( waited >= 1200 )); then
      echo "error: $CONFIG_URI did not appear within 20 minutes; has terraform apply finished?" >&2
      exit 1
    fi
    sleep 30
    waited=$(( waited + 30 ))
  done
}

# The value of KEY, or nothing; keys are unique in the generated file.
prop() {
  grep -m1 "^$1=" "$CONFIG_FILE" | cut -d= -f2-
}

# Exports TRADEWIND_ELASTICSEARCH_USERNAME and _PASSWORD from the Secrets Manager secret the step's environment
# names: secret keys are read from the environment only, never from tradewind.properties.
export_elasticsearch_credentials() {
  local arn="${TRADEWIND_ELASTICSEARCH_SECRET_ARN:?TRADEWIND_ELASTICSEARCH_SECRET_ARN must name the Elasticsearch credentials secret}"
  local secret
  secret=$(aws secretsmanager get-secret-value --secret-id "$arn" --query SecretString --output text) \
    || { echo "error: cannot read the Elasticsearch credentials from $arn" >&2; exit 1; }
  TRADEWIND_ELASTICSEARCH_USERNAME=$(jq -r .username <<<"$secret")
  TRADEWIND_ELASTICSEARCH_PASSWORD=$(jq -r .password <<<"$secret")
  export TRADEWIND_ELASTICSEARCH_USERNAME TRADEWIND_ELASTICSEARCH_PASSWORD
}

put_metric() {
  aws cloudwatch put-metric-data --namespace "$1" --metric-name "$2" --value "$3" \
    --dimensions "Cluster=$(jq -r .jobFlowId /mnt/var/lib/info/job-flow.json)"
}

fetch_config
