locals {
  required_tags = {
    project       = "tradewind"
    environment   = var.environment
    owner         = var.owner
    "cost-center" = var.cost_center
  }
}

# prod: three AZs with a NAT gateway each, three brokers, a highly available EMR master, four core nodes
# (HDFS replication 3), API tasks in every AZ; the cluster refuses termination and buckets keep their contents.
module "tradewind" {
  source               = "../../modules/tradewind"
  name                 = "tradewind-${var.environment}"
  required_tags        = local.required_tags
  release_version      = var.release_version
  api_image_repository = var.api_image_repository
  certificate_arn      = var.certificate_arn
  api_keys_secret_arn  = var.api_keys_secret_arn
  alarm_email          = var.alarm_email

  vpc_cidr_block     = "10.30.0.0/16"
  az_count           = 3
  single_nat_gateway = false

  msk_broker_instance_type    = "kafka.m7g.large"
  msk_broker_volume_gib       = 500
  kafka_replication_factor    = 3
  events_partitions           = 24
  events_retention_hours      = 168
  dead_letter_partitions      = 3
  dead_letter_retention_hours = 720

  emr_master_instance_type   = "m7g.xlarge"
  emr_master_instance_count  = 3
  emr_core_instance_type     = "r7g.2xlarge"
  emr_core_instance_count    = 4
  emr_core_volume_gib        = 1000
  hdfs_replication           = 3
  emr_termination_protection = true
  emr_in_transit_encryption  = true

  ec_region                        = "aws-${var.region}"
  elasticsearch_version            = "8.19.0"
  elasticsearch_hot_size           = "8g"
  elasticsearch_zone_count         = 2
  elastic_privatelink_service_name = var.elastic_privatelink_service_name

  api_cpu       = 2048
  api_memory    = 4096
  api_min_tasks = 3
  api_max_tasks = 12

  speed_parallelism           = 8
  retrain_schedule_expression = "cron(30 0 * * ? *)"
  force_destroy_buckets       = false
}
