locals {
  required_tags = {
    project       = "tradewind"
    environment   = var.environment
    owner         = var.owner
    "cost-center" = var.cost_center
  }
}

# dev: the smallest shape that still runs every component as in prod: two AZs, one NAT gateway, one broker per
# AZ, one master and two core nodes, one API task; buckets may be destroyed with their contents.
module "tradewind" {
  source               = "../../modules/tradewind"
  name                 = "tradewind-${var.environment}"
  required_tags        = local.required_tags
  release_version      = var.release_version
  api_image_repository = var.api_image_repository
  certificate_arn      = var.certificate_arn
  api_keys_secret_arn  = var.api_keys_secret_arn
  alarm_email          = var.alarm_email

  vpc_cidr_block     = "10.20.0.0/16"
  az_count           = 2
  single_nat_gateway = true

  msk_broker_instance_type    = "kafka.t3.small"
  msk_broker_volume_gib       = 20
  kafka_replication_factor    = 2
  events_partitions           = 4
  events_retention_hours      = 72
  dead_letter_partitions      = 1
  dead_letter_retention_hours = 168

  emr_master_instance_type   = "m7g.xlarge"
  emr_master_instance_count  = 1
  emr_core_instance_type     = "m7g.xlarge"
  emr_core_instance_count    = 2
  emr_core_volume_gib        = 100
  hdfs_replication           = 2
  emr_termination_protection = false
  # dev skips the certificate bundle in-transit encryption needs; prod turns it on.
  emr_in_transit_encryption  = false

  ec_region                        = "aws-${var.region}"
  elasticsearch_version            = "8.19.0"
  elasticsearch_hot_size           = "2g"
  elasticsearch_zone_count         = 1
  elastic_privatelink_service_name = var.elastic_privatelink_service_name

  api_cpu       = 512
  api_memory    = 2048
  api_min_tasks = 1
  api_max_tasks = 2

  speed_parallelism           = 2
  retrain_schedule_expression = "cron(30 0 * * ? *)"
  force_destroy_buckets       = true
}
