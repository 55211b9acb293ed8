#!/usr/bin/env bash
# Bootstrap action: installs a cron job on the master that copies the speed layer's checkpoint counts from
# Flink's REST API (through the YARN proxy) to CloudWatch every minute, where the checkpoint-failure alarm
# watches them. Flink has no CloudWatch reporter of its own.
set -euo pipefail
[[ "$(jq -r .isMaster /mnt/var/lib/info/instance.json)" == "true" ]] || exit 0

sudo tee /usr/local/bin/tradewind-flink-metrics >/dev/null <<'SCRIPT'
#!/usr/bin/env bash
set -euo pipefail
app_id=$(yarn application -list -appStates RUNNING 2>/dev/null | awk '/tradewind-speed-layer/ {print $1}' | head -n1)
[[ -n "$app_id" ]] || exit 0
base="http://$(hostname -f):20888/proxy/$app_id"
job_id=$(curl -sf "$base/jobs" | jq -r '.jobs[] | select(.status == "RUNNING") | .id' | head -n1)
[[ -n "$job_id" ]] || exit 0
counts=$(curl -sf "$base/jobs/$job_id/checkpoints" | jq -r '.counts.failed')
cluster=$(jq -r .jobFlowId /mnt/var/lib/info/job-flow.json)
aws cloudwatch put-metric-data --namespace Tradewind/SpeedLayer --metric-name FailedCheckpointsTotal \
  --value "$counts" --dimensions "Cluster=$cluster"
SCRIPT
sudo chmod 755 /usr/local/bin/tradewind-flink-metrics
echo '* * * * * hadoop /usr/local/bin/tradewind-flink-metrics >/dev/null 2>&1' | sudo tee /etc/cron.d/tradewind-flink-metrics
