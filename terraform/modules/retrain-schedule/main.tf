locals {
  step_name = "tradewind-retrain-and-publish"
}

data "aws_iam_policy_document" "assume_scheduler" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name}-retrain-scheduler"
  assume_role_policy = data.aws_iam_policy_document.assume_scheduler.json
}

data "aws_iam_policy_document" "add_step" {
  statement {
    actions   = ["elasticmapreduce:AddJobFlowSteps"]
    resources = [var.emr_cluster_arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "add-retrain-step"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.add_step.json
}

# EventBridge Scheduler calls EMR's AddJobFlowSteps directly (universal target): one step runs retrain and then
# publish, so a failed retrain never publishes.
resource "aws_scheduler_schedule" "retrain" {
  name                         = "${var.name}-retrain"
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.schedule_timezone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:emr:addJobFlowSteps"
    role_arn = aws_iam_role.scheduler.arn
    input = jsonencode({
      JobFlowId = var.emr_cluster_id
      Steps = [{
        Name            = local.step_name
        ActionOnFailure = "CONTINUE"
        HadoopJarStep = {
          Jar  = "command-runner.jar"
          Args = ["bash", "-c", "${var.step_command}retrain-and-publish.sh ${var.release_uri}"]
        }
      }]
    })
    retry_policy {
      maximum_retry_attempts       = 3
      maximum_event_age_in_seconds = 3600
    }
  }
}

# A failed step alarms at once ...
resource "aws_cloudwatch_event_rule" "retrain_failed" {
  name        = "${var.name}-retrain-failed"
  description = "The scheduled retrain-and-publish step failed."
  event_pattern = jsonencode({
    source        = ["aws.emr"]
    "detail-type" = ["EMR Step Status Change"]
    detail = {
      clusterId = [var.emr_cluster_id]
      name      = [local.step_name]
      state     = ["FAILED", "CANCELLED"]
    }
  })
}

resource "aws_cloudwatch_event_target" "retrain_failed" {
  rule = aws_cloudwatch_event_rule.retrain_failed.name
  arn  = var.alarm_topic_arn
}

# ... and a day without a successful publish alarms too, which also catches a schedule that never fired.
resource "aws_cloudwatch_metric_alarm" "no_successful_retrain" {
  alarm_name          = "${var.name}-no-successful-retrain"
  alarm_description   = "No retrain has been published in the last 26 hours."
  namespace           = "Tradewind/Retrain"
  metric_name         = "RetrainSucceeded"
  dimensions          = { Cluster = var.emr_cluster_id }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 26
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  datapoints_to_alarm = 26
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}
