#!/bin/sh
# Retrain, then publish only if the retrain succeeded: the job ops/schedule/crontab runs every night. The Airflow DAG
# beside it (airflow/tradewind_retrain.py) runs the same two commands as two tasks, and the EMR step
# (terraform/modules/emr/scripts/retrain-and-publish.sh) does the same on the cluster.
#
# Usage: ops/schedule/retrain-and-publish.sh CONFIG_FILE AS_OF [METRICS_FILE]
#   CONFIG_FILE   the platform configuration (docs/configuration.md): storage.master-dataset, storage.views,
#                 retrain.lock-timeout for the retrain; the stores and storage.views for the publish
#   AS_OF         the retrain's --as-of, e.g. 2026-12-05T00:00:00Z; an as-of earlier than CURRENT's is a backfill:
#                 the version is written, CURRENT and what serves stay as they are (the publish then does nothing)
#   METRICS_FILE  the retrain's --metrics-file, for node_exporter's textfile collector (a *.prom file)
# Runs ./tradewind from the current folder (the install folder), or the command $TRADEWIND names.
#
# Exit codes:
#   0  retrained and published (a publish of the version already serving does nothing); or the retrain exited 3:
#      another retrain holds the batch views' lock (or a dead one left it), nothing was retrained or published
#   1  the retrain or the publish failed (its one-line "error: ..." is above); what served before still serves
#   2  a command line is wrong: this script's, or the retrain's (an option or a configuration value)
# Any other code is the failing command's own.
#
# POSIX sh (cron runs commands with /bin/sh). Every line it prints starts with the UTC time.

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 CONFIG_FILE AS_OF [METRICS_FILE]" >&2
    exit 2
fi
config=$1
as_of=$2
tradewind=${TRADEWIND:-./tradewind}

say() {
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) retrain-and-publish: $*"
}

say "retrain as of $as_of (configuration $config)"
if [ $# -eq 3 ]; then
    "$tradewind" retrain --config "$config" --as-of "$as_of" --metrics-file "$3"
else
    "$tradewind" retrain --config "$config" --as-of "$as_of"
fi
status=$?
case $status in
    0) ;;
    3)
        say "another retrain holds the batch views' lock (retrain exit 3): nothing retrained, nothing published"
        exit 0
        ;;
    *)
        say "retrain failed (exit $status): nothing published"
        exit $status
        ;;
esac

say "publish"
"$tradewind" publish --config "$config"
status=$?
if [ $status -ne 0 ]; then
    say "publish failed (exit $status): the version serving before still serves"
    exit $status
fi
say "done"
