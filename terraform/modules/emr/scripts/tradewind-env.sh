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

# Every pass-through setting under PREFIX as repeated `FLAG key=value` arguments.
pass_through() {
  local prefix="$1" flag="$2"
  grep "^${prefix//./\\.}" "$CONFIG_FILE" | while IFS= read -r line; do
    printf '%s\n%s\n' "$flag" "${line#"$prefix"}"
  done
}

put_metric() {
  aws cloudwatch put-metric-data --namespace "$1" --metric-name "$2" --value "$3" \
    --dimensions "Cluster=$(jq -r .jobFlowId /mnt/var/lib/info/job-flow.json)"
}

fetch_config
