variable "kafka_bootstrap_servers" {
  type = string
}

variable "events_topic" {
  type    = string
  default = "events"
}

variable "dead_letter_topic" {
  type    = string
  default = "events-dead-letter"
}

variable "consumer_group" {
  type    = string
  default = "tradewind-speed-layer"
}

variable "hbase_zookeeper_quorum" {
  type = string
}

variable "hbase_znode_parent" {
  type    = string
  default = "/hbase"
}

variable "hbase_namespace" {
  type    = string
  default = "tradewind"
}

variable "master_dataset_uri" {
  type = string
}

variable "views_uri" {
  type = string
}

variable "elasticsearch_url" {
  type = string
}

variable "catalogue_alias" {
  type    = string
  default = "catalogue"
}

variable "api_port" {
  type    = number
  default = 8080
}

variable "api_keys_file" {
  type = string
}

variable "speed_parallelism" {
  type    = number
  default = 2
}

variable "speed_checkpoint_interval" {
  type    = string
  default = "10s"
}

variable "speed_version_check_interval" {
  type    = string
  default = "30s"
}

variable "speed_trending_window" {
  type    = string
  default = "1h"
}

variable "speed_trending_slide" {
  type    = string
  default = "15m"
}

variable "speed_trending_lateness" {
  type    = string
  default = "1m"
}

variable "retrain_lock_timeout" {
  type    = string
  default = "6h"
}

variable "region" {
  description = "AWS region, for the S3A client."
  type        = string
}

variable "kms_key_arn" {
  description = "Key the S3A client encrypts new objects with (views written by the retrain)."
  type        = string
}

variable "bucket" {
  description = "Artifacts bucket the file is stored in."
  type        = string
}

variable "object_key" {
  type    = string
  default = "config/tradewind.properties"
}
