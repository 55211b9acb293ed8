variable "name" {
  type = string
}

variable "kafka_version" {
  description = "MSK Kafka version; the .kraft suffix runs the cluster in KRaft mode (no ZooKeeper)."
  type        = string
  default     = "3.7.x.kraft"
}

variable "broker_instance_type" {
  type    = string
  default = "kafka.m7g.large"
}

variable "brokers_per_az" {
  description = "Brokers in each client subnet's AZ (MSK spreads brokers evenly)."
  type        = number
  default     = 1
}

variable "broker_volume_gib" {
  type    = number
  default = 100
}

variable "subnet_ids" {
  description = "Private subnets, one per AZ (2 or 3)."
  type        = list(string)
}

variable "security_group_id" {
  type = string
}

variable "kms_key_arn" {
  description = "Key for data at rest."
  type        = string
}

variable "replication_factor" {
  description = "Replication of every topic; min.insync.replicas is one less (at least 1)."
  type        = number
  default     = 3
}

variable "events_partitions" {
  description = "Partitions of the events topic: the speed layer's useful parallelism."
  type        = number
  default     = 12
}

variable "events_retention_hours" {
  description = "How long events stay in Kafka; the archive has them for good, so this only bounds replays."
  type        = number
  default     = 168
}

variable "dead_letter_partitions" {
  type    = number
  default = 3
}

variable "dead_letter_retention_hours" {
  description = "Dead letters wait here for someone to read them."
  type        = number
  default     = 720
}

variable "monitoring_level" {
  description = "MSK enhanced monitoring; consumer-lag metrics per topic need PER_TOPIC_PER_BROKER or finer."
  type        = string
  default     = "PER_TOPIC_PER_PARTITION"
}

variable "log_retention_days" {
  type    = number
  default = 30
}
