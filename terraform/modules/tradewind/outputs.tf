output "platform_config" {
  description = "tradewind.properties as the jars read it (also stored at platform_config_uri)."
  value       = module.platform_config.content
}

output "platform_config_uri" {
  value = module.platform_config.object_uri
}

output "api_load_balancer_dns_name" {
  value = module.serving_api.load_balancer_dns_name
}

output "emr_cluster_id" {
  value = module.emr.cluster_id
}

output "emr_step_command" {
  value = module.emr.step_command
}

output "release_uri" {
  value = module.emr.release_uri
}

output "savepoint_uri" {
  value = module.emr.savepoint_uri
}

output "state_uri" {
  value = module.emr.state_uri
}

output "artifacts_bucket" {
  value = module.storage.bucket_names["artifacts"]
}

output "ecs_cluster_name" {
  value = module.serving_api.ecs_cluster_name
}

output "ecs_service_name" {
  value = module.serving_api.ecs_service_name
}

output "alarm_topic_arn" {
  value = module.monitoring.alarm_topic_arn
}
