resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"
}

data "aws_iam_policy_document" "alarms" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarms.json
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alarm_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "consumer_lag" {
  alarm_name          = "${var.name}-speed-layer-consumer-lag"
  alarm_description   = "The speed layer reads events more slowly than they arrive."
  namespace           = "AWS/Kafka"
  metric_name         = "SumOffsetLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 10
  threshold           = var.consumer_lag_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  dimensions = {
    "Cluster Name"   = var.msk_cluster_name
    "Consumer Group" = var.consumer_group
    "Topic"          = var.events_topic
  }
}

# The EMR master copies Flink's failed-checkpoint count here every minute (modules/emr/scripts/
# publish-flink-metrics.sh). No data means the job is not running, which is as bad as failing checkpoints.
resource "aws_cloudwatch_metric_alarm" "checkpoint_failures" {
  alarm_name          = "${var.name}-speed-layer-checkpoint-failures"
  alarm_description   = "The speed layer failed checkpoints, or reports nothing (job down)."
  evaluation_periods  = 5
  datapoints_to_alarm = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "failed_since_last"
    expression  = "DIFF(failed_total)"
    label       = "Checkpoints failed in the minute"
    return_data = true
  }

  metric_query {
    id = "failed_total"
    metric {
      namespace   = "Tradewind/SpeedLayer"
      metric_name = "FailedCheckpointsTotal"
      stat        = "Maximum"
      period      = 60
      dimensions  = { Cluster = var.emr_cluster_id }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "api_p99" {
  alarm_name          = "${var.name}-api-p99-latency"
  alarm_description   = "API p99 latency at the load balancer above ${var.api_p99_seconds} s."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.api_p99_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  dimensions          = { LoadBalancer = var.load_balancer_arn_suffix }
}

# Errors from the tasks and from the load balancer itself (no healthy target) over all requests.
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name}-api-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_percent} % of API requests answered 5xx."
  evaluation_periods  = 5
  threshold           = var.api_5xx_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "rate"
    expression  = "100 * (FILL(target_5xx, 0) + FILL(elb_5xx, 0)) / requests"
    label       = "5xx per 100 requests"
    return_data = true
  }

  metric_query {
    id = "target_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      stat        = "Sum"
      period      = 60
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix }
    }
  }

  metric_query {
    id = "elb_5xx"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      stat        = "Sum"
      period      = 60
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix }
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      stat        = "Sum"
      period      = 60
      dimensions  = { LoadBalancer = var.load_balancer_arn_suffix }
    }
  }
}
