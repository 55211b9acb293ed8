output "url" {
  description = "HTTPS URL of Elasticsearch through PrivateLink (elasticsearch.url)."
  value       = "https://${ec_deployment.this.alias}.es.${local.privatelink_domain}:443"
}

output "deployment_id" {
  value = ec_deployment.this.id
}

output "credentials_secret_arn" {
  description = "Secrets Manager secret with the deployment's username and password (JSON)."
  value       = aws_secretsmanager_secret.elasticsearch.arn
}
