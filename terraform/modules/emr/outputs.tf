output "cluster_id" {
  value = aws_emr_cluster.this.id
}

output "cluster_arn" {
  value = aws_emr_cluster.this.arn
}

output "master_address" {
  description = "The master's private DNS name (the cluster is in a private subnet)."
  value       = aws_emr_cluster.this.master_public_dns
}

output "zookeeper_quorum" {
  description = "HOST:PORT of the master's ZooKeeper (hbase.zookeeper-quorum)."
  value       = "${aws_emr_cluster.this.master_public_dns}:2181"
}

output "master_dataset_uri" {
  description = "The master data set on the core nodes' HDFS (storage.master-dataset)."
  value       = "hdfs://${aws_emr_cluster.this.master_public_dns}:8020/tradewind/master"
}

output "node_role_name" {
  value = aws_iam_role.nodes.name
}

output "step_command" {
  description = "Prefix of a step's bash -c command; append a script name and its arguments (used by the retrain schedule and the runbook)."
  value       = local.run_script
}

output "release_uri" {
  value = local.release_uri
}

output "savepoint_uri" {
  value = "${local.state_uri}/savepoints"
}

output "state_uri" {
  value = local.state_uri
}
