output "load_balancer_dns_name" {
  description = "Point the public host name (the certificate's) at this with a CNAME or alias record."
  value       = aws_lb.api.dns_name
}

output "load_balancer_arn_suffix" {
  value = aws_lb.api.arn_suffix
}

output "target_group_arn_suffix" {
  value = aws_lb_target_group.api.arn_suffix
}

output "ecs_cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "ecs_service_name" {
  value = aws_ecs_service.api.name
}

output "keys_file" {
  description = "Where the init container writes the API keys file (api.keys-file)."
  value       = "${local.config_dir}/api-keys"
}
