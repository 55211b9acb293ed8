#!/usr/bin/env bash
# Broken on purpose (StepScriptsTest): an unset variable, a key terraform does not write, an unclosed if.
config_uri="${TRADEWIND_CONFIG_URI:?}"
secret_arn="${TRADEWIND_ELASTICSEARCH_SECRET_ARN:?}"
parallelism="$(prop speed.parallelism)"
topic="$(prop kafka.topic)"
if [[ -n "$topic" ]]; then
  echo "$config_uri $secret_arn $parallelism"
