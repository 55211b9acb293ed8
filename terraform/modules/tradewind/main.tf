data "aws_region" "current" {}

locals {
  config_object_key = "config/tradewind.properties"
  consumer_group    = "tradewind-speed-layer"
}

module "network" {
  source             = "../network"
  name               = var.name
  cidr_block         = var.vpc_cidr_block
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
}

module "storage" {
  source        = "../storage"
  name          = var.name
  force_destroy = var.force_destroy_buckets
}

module "kafka" {
  source                      = "../kafka"
  name                        = var.name
  subnet_ids                  = module.network.private_subnet_ids
  security_group_id           = module.network.security_group_ids["msk"]
  kms_key_arn                 = module.storage.kms_key_arn
  broker_instance_type        = var.msk_broker_instance_type
  broker_volume_gib           = var.msk_broker_volume_gib
  replication_factor          = var.kafka_replication_factor
  events_partitions           = var.events_partitions
  events_retention_hours      = var.events_retention_hours
  dead_letter_partitions      = var.dead_letter_partitions
  dead_letter_retention_hours = var.dead_letter_retention_hours
}

module "emr" {
  source                   = "../emr"
  name                     = var.name
  release_label            = var.emr_release_label
  subnet_id                = module.network.private_subnet_ids[0]
  security_group_ids       = module.network.security_group_ids
  master_instance_type     = var.emr_master_instance_type
  master_instance_count    = var.emr_master_instance_count
  core_instance_type       = var.emr_core_instance_type
  core_instance_count      = var.emr_core_instance_count
  core_volume_gib          = var.emr_core_volume_gib
  hdfs_replication         = var.hdfs_replication
  termination_protection   = var.emr_termination_protection
  bucket_names             = module.storage.bucket_names
  kms_key_arn              = module.storage.kms_key_arn
  release_version          = var.release_version
  config_object_key        = local.config_object_key
  msk_cluster_arn          = module.kafka.cluster_arn
  msk_bootstrap_brokers    = module.kafka.bootstrap_brokers_sasl_iam
  kafka_topics             = module.kafka.topics
  kafka_replication_factor = var.kafka_replication_factor
  consumer_group           = local.consumer_group
  elasticsearch_secret_arn = module.elasticsearch.credentials_secret_arn
  in_transit_encryption    = var.emr_in_transit_encryption
}

module "elasticsearch" {
  source                     = "../elasticsearch"
  name                       = var.name
  tags                       = var.required_tags
  ec_region                  = var.ec_region
  elasticsearch_version      = var.elasticsearch_version
  hot_size                   = var.elasticsearch_hot_size
  zone_count                 = var.elasticsearch_zone_count
  privatelink_service_name   = var.elastic_privatelink_service_name
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  endpoint_security_group_id = module.network.security_group_ids["elasticsearch_endpoint"]
}

module "serving_api" {
  source                   = "../serving-api"
  name                     = var.name
  image                    = "${var.api_image_repository}:${var.release_version}"
  cpu                      = var.api_cpu
  memory                   = var.api_memory
  min_tasks                = var.api_min_tasks
  max_tasks                = var.api_max_tasks
  certificate_arn          = var.certificate_arn
  vpc_id                   = module.network.vpc_id
  public_subnet_ids        = module.network.public_subnet_ids
  private_subnet_ids       = module.network.private_subnet_ids
  alb_security_group_id    = module.network.security_group_ids["alb"]
  api_security_group_id    = module.network.security_group_ids["api"]
  config_bucket            = module.storage.bucket_names["artifacts"]
  config_object_key        = local.config_object_key
  kms_key_arn              = module.storage.kms_key_arn
  api_keys_secret_arn      = var.api_keys_secret_arn
  elasticsearch_secret_arn = module.elasticsearch.credentials_secret_arn
  msk_cluster_arn          = module.kafka.cluster_arn
  events_topic             = module.kafka.topics["events"].name
}

module "platform_config" {
  source                  = "../platform-config"
  kafka_bootstrap_servers = module.kafka.bootstrap_brokers_sasl_iam
  events_topic            = module.kafka.topics["events"].name
  dead_letter_topic       = module.kafka.topics["dead_letter"].name
  consumer_group          = local.consumer_group
  hbase_zookeeper_quorum  = module.emr.zookeeper_quorum
  master_dataset_uri      = module.emr.master_dataset_uri
  views_uri               = "s3a://${module.storage.bucket_names["views"]}/views"
  elasticsearch_url       = module.elasticsearch.url
  api_keys_file           = module.serving_api.keys_file
  speed_parallelism       = var.speed_parallelism
  region                  = data.aws_region.current.name
  kms_key_arn             = module.storage.kms_key_arn
  bucket                  = module.storage.bucket_names["artifacts"]
  object_key              = local.config_object_key
}

module "monitoring" {
  source                   = "../monitoring"
  name                     = var.name
  alarm_email              = var.alarm_email
  msk_cluster_name         = module.kafka.cluster_name
  consumer_group           = local.consumer_group
  events_topic             = module.kafka.topics["events"].name
  emr_cluster_id           = module.emr.cluster_id
  load_balancer_arn_suffix = module.serving_api.load_balancer_arn_suffix
}

module "retrain_schedule" {
  source              = "../retrain-schedule"
  name                = var.name
  schedule_expression = var.retrain_schedule_expression
  emr_cluster_id      = module.emr.cluster_id
  emr_cluster_arn     = module.emr.cluster_arn
  step_command        = module.emr.step_command
  release_uri         = module.emr.release_uri
  alarm_topic_arn     = module.monitoring.alarm_topic_arn
}
