variable "name" {
  description = "Prefix of every resource name, e.g. tradewind-prod."
  type        = string
}

variable "required_tags" {
  description = "project, environment, owner and cost-center; set on resources the AWS provider's default_tags miss."
  type        = map(string)
}

variable "release_version" {
  description = "Tradewind release to run: s3://<artifacts>/releases/<version>/ and the API image's tag."
  type        = string
}

variable "api_image_repository" {
  description = "ECR repository URI of the API image (without tag)."
  type        = string
}

variable "certificate_arn" {
  type = string
}

variable "api_keys_secret_arn" {
  type = string
}

variable "vpc_cidr_block" {
  type = string
}

variable "az_count" {
  type = number
}

variable "single_nat_gateway" {
  type = bool
}

variable "msk_broker_instance_type" {
  type = string
}

variable "msk_broker_volume_gib" {
  type = number
}

variable "kafka_replication_factor" {
  type = number
}

variable "events_partitions" {
  type = number
}

variable "events_retention_hours" {
  type = number
}

variable "dead_letter_partitions" {
  type = number
}

variable "dead_letter_retention_hours" {
  type = number
}

variable "emr_release_label" {
  type    = string
  default = "emr-7.10.0"
}

variable "emr_master_instance_type" {
  type = string
}

variable "emr_master_instance_count" {
  type = number
}

variable "emr_core_instance_type" {
  type = string
}

variable "emr_core_instance_count" {
  type = number
}

variable "emr_core_volume_gib" {
  type = number
}

variable "hdfs_replication" {
  type = number
}

variable "emr_termination_protection" {
  type = bool
}

variable "emr_in_transit_encryption" {
  description = "TLS inside the EMR cluster; needs s3://<artifacts>/tls/emr-certificates.zip (terraform/README.md, runbook)."
  type        = bool
}

variable "ec_region" {
  type = string
}

variable "elasticsearch_version" {
  type = string
}

variable "elasticsearch_hot_size" {
  type = string
}

variable "elasticsearch_zone_count" {
  type = number
}

variable "elastic_privatelink_service_name" {
  type = string
}

variable "api_cpu" {
  type = number
}

variable "api_memory" {
  type = number
}

variable "api_min_tasks" {
  type = number
}

variable "api_max_tasks" {
  type = number
}

variable "speed_parallelism" {
  type = number
}

variable "retrain_schedule_expression" {
  type = string
}

variable "alarm_email" {
  type    = string
  default = ""
}

variable "force_destroy_buckets" {
  type    = bool
  default = false
}
