variable "name" {
  type = string
}

variable "release_label" {
  description = "EMR release with Hadoop, HBase and Flink 1.20 (the Flink line the jobs are built against)."
  type        = string
  default     = "emr-7.10.0"
}

variable "subnet_id" {
  description = "One private subnet: an EMR cluster's instance groups live in one AZ."
  type        = string
}

variable "security_group_ids" {
  description = "From the network module: emr_master, emr_core, emr_service, emr_clients."
  type        = map(string)
}

variable "master_instance_type" {
  type    = string
  default = "m7g.xlarge"
}

variable "master_instance_count" {
  description = "1, or 3 for a highly available master (HBase master, YARN RM, ZooKeeper)."
  type        = number
  default     = 1
}

variable "core_instance_type" {
  type    = string
  default = "r7g.xlarge"
}

variable "core_instance_count" {
  description = "Core nodes: HDFS DataNodes (the master data set), HBase region servers, Flink TaskManagers."
  type        = number
  default     = 2
}

variable "core_volume_gib" {
  description = "gp3 volume per core node for HDFS."
  type        = number
  default     = 500
}

variable "hdfs_replication" {
  type    = number
  default = 2
}

variable "termination_protection" {
  description = "Refuse to terminate the cluster (prod): HDFS holds the master data set."
  type        = bool
  default     = true
}

variable "bucket_names" {
  description = "From the storage module: artifacts, checkpoints, views, logs."
  type        = map(string)
}

variable "kms_key_arn" {
  type = string
}

variable "release_version" {
  description = "Tradewind release whose jars the steps run: s3://<artifacts>/releases/<version>/."
  type        = string
}

variable "config_object_key" {
  description = "Key of tradewind.properties in the artifacts bucket (written by the platform-config module)."
  type        = string
}

variable "msk_cluster_arn" {
  type = string
}

variable "msk_bootstrap_brokers" {
  type = string
}

variable "kafka_topics" {
  description = "From the kafka module: name, partitions, retention_ms per topic."
  type = map(object({
    name         = string
    partitions   = number
    retention_ms = number
  }))
}

variable "kafka_replication_factor" {
  type    = number
  default = 3
}

variable "consumer_group" {
  description = "The speed layer's Kafka consumer group (kafka.consumer-group)."
  type        = string
  default     = "tradewind-speed-layer"
}

variable "elasticsearch_secret_arn" {
  description = "Secrets Manager secret (JSON with username and password) that publish and the speed layer authenticate to Elasticsearch with; the steps read it at run time."
  type        = string
}

variable "in_transit_encryption" {
  description = "TLS between the cluster's nodes and services, with the PEM bundle at s3://<artifacts>/tls/emr-certificates.zip (upload it before the first apply: terraform/README.md, runbook)."
  type        = bool
  default     = true
}
