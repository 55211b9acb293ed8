output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  value = [
    aws_cloudwatch_metric_alarm.consumer_lag.alarm_name,
    aws_cloudwatch_metric_alarm.checkpoint_failures.alarm_name,
    aws_cloudwatch_metric_alarm.api_p99.alarm_name,
    aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name,
  ]
}
