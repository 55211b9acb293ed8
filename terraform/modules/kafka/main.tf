locals {
  min_insync_replicas = max(var.replication_factor - 1, 1)
  # aws_msk_cluster has no topic resource; these specs are handed to the EMR step that creates the topics
  # (modules/emr/scripts/create-topics.sh), so partitions and retention stay variables of this module.
  topics = {
    events = {
      name         = "events"
      partitions   = var.events_partitions
      retention_ms = var.events_retention_hours * 3600000
    }
    dead_letter = {
      name         = "events-dead-letter"
      partitions   = var.dead_letter_partitions
      retention_ms = var.dead_letter_retention_hours * 3600000
    }
  }
}

resource "aws_msk_configuration" "this" {
  name           = "${var.name}-kafka"
  kafka_versions = [var.kafka_version]
  # Topics are created explicitly with their partitions and retention; a typo in a topic name must fail.
  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=${var.replication_factor}
    min.insync.replicas=${local.min_insync_replicas}
    unclean.leader.election.enable=false
  PROPERTIES
}

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/tradewind/${var.name}/msk"
  retention_in_days = var.log_retention_days
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.brokers_per_az * length(var.subnet_ids)
  enhanced_monitoring    = var.monitoring_level

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [var.security_group_id]
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gib
      }
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = var.kms_key_arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }
}
