output "schedule_arn" {
  value = aws_scheduler_schedule.retrain.arn
}

output "step_name" {
  description = "Name of the EMR step each scheduled run adds."
  value       = local.step_name
}
