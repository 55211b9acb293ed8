output "platform_config" {
  description = "tradewind.properties for this environment."
  value       = module.tradewind.platform_config
}

output "platform_config_uri" {
  value = module.tradewind.platform_config_uri
}

output "api_load_balancer_dns_name" {
  value = module.tradewind.api_load_balancer_dns_name
}

output "emr_cluster_id" {
  value = module.tradewind.emr_cluster_id
}

output "emr_step_command" {
  value = module.tradewind.emr_step_command
}

output "release_uri" {
  value = module.tradewind.release_uri
}

output "savepoint_uri" {
  value = module.tradewind.savepoint_uri
}

output "state_uri" {
  value = module.tradewind.state_uri
}

output "artifacts_bucket" {
  value = module.tradewind.artifacts_bucket
}

output "ecs_cluster_name" {
  value = module.tradewind.ecs_cluster_name
}

output "ecs_service_name" {
  value = module.tradewind.ecs_service_name
}
