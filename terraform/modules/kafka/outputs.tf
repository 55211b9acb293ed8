output "cluster_arn" {
  value = aws_msk_cluster.this.arn
}

output "cluster_name" {
  value = aws_msk_cluster.this.cluster_name
}

output "bootstrap_brokers_sasl_iam" {
  description = "HOST:PORT list for IAM-authenticated TLS clients (kafka.bootstrap-servers)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "topics" {
  description = "Topic specs by role (events, dead_letter): name, partitions, retention_ms."
  value       = local.topics
}
