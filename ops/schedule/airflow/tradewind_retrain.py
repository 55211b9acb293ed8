"""Tradewind's nightly retrain, then publish, as an Airflow 2 DAG (Airflow 2.6 or later, for skip_on_exit_code).

The same two commands as the cron example (../crontab, through ../retrain-and-publish.sh), as two tasks:

    retrain   ./tradewind retrain --config FILE --as-of <the run's date>T00:00:00Z --metrics-file ...
    publish   ./tradewind publish --config FILE          (only once the retrain succeeded)

Exit codes of both commands (README.md, "Commands"): 0 ok; 1 the job failed; 2 the command line is wrong;
3 (retrain only) another retrain holds the batch views' lock, or a dead one left it: nothing was done.

Deploy: copy this file into the scheduler's dags folder. The workers that run it need Tradewind in /opt/tradewind
(built once, e.g. with ./tradewind --help, so that no run starts with a build), JDK 17 and Maven on their PATH, the
configuration file /etc/tradewind/tradewind.properties (docs/configuration.md) and write access to node_exporter's
textfile folder /var/lib/node_exporter/textfile/. What the commands print is in each task's log.

Checked by ScheduleExamplesTest (infra/launcher): it reads the schedule, the tasks' bash commands and their order
from this file and runs the commands against a real embedded HDFS, HBase, Kafka and Elasticsearch.
"""
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.timetables.trigger import CronTriggerTimetable

with DAG(
    dag_id="tradewind_retrain",
    description="Retrain Tradewind's batch views as of the run's date, then publish them to HBase and Elasticsearch",
    # Every day at 02:00 UTC. A trigger timetable rather than schedule="0 2 * * *": with a plain cron string the run
    # started on day D has the logical date D-1 (the start of its data interval), so {{ ds }} would retrain a day
    # behind the cron example; with this one the run started on day D has the logical date D and retrains as of
    # D 00:00 UTC, as cron does.
    schedule=CronTriggerTimetable("0 2 * * *", timezone="UTC"),
    start_date=datetime(2025, 1, 1, tzinfo=timezone.utc),
    # No catch-up, deliberately: after the scheduler was down, one run for today rather than one per missed day (each
    # would retrain the whole history and publish a version the next one replaces at once). An older date is rebuilt
    # on purpose, with `airflow dags backfill -s DATE -e DATE tradewind_retrain` or by clearing that date's run: its
    # retrain writes that date's version and leaves CURRENT, and so what serves, alone (see the retrain task).
    catchup=False,
    # One run at a time: the retrain's lock would refuse a second one anyway (exit 3).
    max_active_runs=1,
    default_args={
        # A failure (exit 1, e.g. a store or the cluster briefly away) is retried twice, 15 minutes apart. Both
        # commands are safe to re-run: a retrain writes a new version beside the earlier ones, and a publish of the
        # version already serving does nothing.
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
    },
    tags=["tradewind"],
) as dag:
    retrain = BashOperator(
        task_id="retrain",
        # As of the run's logical date, 00:00 UTC. For a backfill or a cleared past run that date is earlier than
        # the as-of of the version CURRENT names, so the retrain writes the version beside it and does not switch
        # CURRENT (README.md, "Scheduled retrains"); the publish after it then finds that version serving and does
        # nothing.
        bash_command=(
            "cd /opt/tradewind && ./tradewind retrain --config /etc/tradewind/tradewind.properties"
            " --as-of {{ ds }}T00:00:00Z"
            " --metrics-file /var/lib/node_exporter/textfile/tradewind_retrain.prom"
        ),
        # Exit 3, another retrain holds the batch views' lock: not a failure, and not retried. The task is skipped,
        # and so is publish (it runs only after a successful retrain), as in the cron example; tomorrow's run tries
        # again. The task's log names the lock's holder. A stale lock (its holder was killed) makes every later run
        # skip until a person removes it (README.md, "Scheduled retrains": --break-lock); it shows as the "locked"
        # outcome and a growing "time since the last successful retrain" on the operations dashboard.
        skip_on_exit_code=3,
        # A nightly retrain takes minutes. A hung one is stopped so that it does not hold back every later run
        # (max_active_runs=1); the lock it leaves is then stale, as above.
        execution_timeout=timedelta(hours=4),
    )

    publish = BashOperator(
        task_id="publish",
        # Loads the version CURRENT names into HBase and Elasticsearch beside the one serving, then switches both; a
        # failed load leaves the version serving before.
        bash_command="cd /opt/tradewind && ./tradewind publish --config /etc/tradewind/tradewind.properties",
        execution_timeout=timedelta(hours=1),
    )

    retrain >> publish
