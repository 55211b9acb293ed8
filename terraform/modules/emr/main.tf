locals {
  artifacts   = var.bucket_names["artifacts"]
  checkpoints = var.bucket_names["checkpoints"]
  scripts_uri = "s3://${local.artifacts}/emr/scripts"
  release_uri = "s3://${local.artifacts}/releases/${var.release_version}"
  state_uri   = "s3://${local.checkpoints}/flink"
  config_uri  = "s3://${local.artifacts}/${var.config_object_key}"
  # Each step copies the scripts and runs one of them with the config's and the Elasticsearch secret's locations
  # in its environment (the secret's value never appears in a step's arguments).
  run_script = "aws s3 cp --quiet --recursive ${local.scripts_uri}/ /home/hadoop/tradewind/scripts/ && TRADEWIND_CONFIG_URI=${local.config_uri} TRADEWIND_ELASTICSEARCH_SECRET_ARN=${var.elasticsearch_secret_arn} TRADEWIND_TOOLS_URI=s3://${local.artifacts}/tools bash /home/hadoop/tradewind/scripts/"
  # The PEM bundle in-transit encryption reads; the runbook says how to make one.
  tls_certificates_uri = "s3://${local.artifacts}/tls/emr-certificates.zip"
  topic_specs = join(" ", [for topic in values(var.kafka_topics) : "${topic.name}:${topic.partitions}:${topic.retention_ms}"])

  configurations = [
    {
      Classification = "hbase"
      Properties     = { "hbase.emr.storageMode" = "s3" }
    },
    {
      Classification = "hbase-site"
      Properties     = { "hbase.rootdir" = "s3://${local.checkpoints}/hbase" }
    },
    {
      Classification = "hdfs-site"
      Properties     = { "dfs.replication" = tostring(var.hdfs_replication) }
    },
    {
      # Checkpoints survive a cancel or a lost cluster; the submit step resumes from the newest one.
      Classification = "flink-conf"
      Properties = {
        "state.backend.type"                                        = "rocksdb"
        "state.backend.incremental"                                 = "true"
        "state.checkpoints.dir"                                     = "${local.state_uri}/checkpoints"
        "state.savepoints.dir"                                      = "${local.state_uri}/savepoints"
        "state.checkpoints.num-retained"                            = "3"
        "execution.checkpointing.externalized-checkpoint-retention" = "RETAIN_ON_CANCELLATION"
      }
    },
  ]
}

resource "aws_s3_object" "script" {
  for_each    = fileset("${path.module}/scripts", "*.sh")
  bucket      = local.artifacts
  key         = "emr/scripts/${each.value}"
  source      = "${path.module}/scripts/${each.value}"
  source_hash = filemd5("${path.module}/scripts/${each.value}")
}

resource "aws_emr_security_configuration" "this" {
  name = "${var.name}-emr"
  configuration = jsonencode({
    EncryptionConfiguration = merge({
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = var.in_transit_encryption
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = {
          EncryptionMode = "SSE-KMS"
          AwsKmsKey      = var.kms_key_arn
        }
        LocalDiskEncryptionConfiguration = {
          EncryptionKeyProviderType = "AwsKms"
          AwsKmsKey                 = var.kms_key_arn
          EnableEbsEncryption       = true
        }
      }
      }, var.in_transit_encryption ? {
      InTransitEncryptionConfiguration = {
        TLSCertificateConfiguration = {
          CertificateProviderType = "PEM"
          S3Object                = local.tls_certificates_uri
        }
      }
    } : {})
  })
}

resource "aws_emr_cluster" "this" {
  name                              = var.name
  release_label                     = var.release_label
  applications                      = ["Hadoop", "HBase", "Flink", "ZooKeeper"]
  service_role                      = aws_iam_role.service.arn
  security_configuration            = aws_emr_security_configuration.this.name
  log_uri                           = "s3://${var.bucket_names["logs"]}/emr/"
  termination_protection            = var.termination_protection
  keep_job_flow_alive_when_no_steps = true
  configurations_json               = jsonencode(local.configurations)

  ec2_attributes {
    subnet_id                         = var.subnet_id
    instance_profile                  = aws_iam_instance_profile.nodes.arn
    emr_managed_master_security_group = var.security_group_ids["emr_master"]
    emr_managed_slave_security_group  = var.security_group_ids["emr_core"]
    service_access_security_group     = var.security_group_ids["emr_service"]
    additional_master_security_groups = var.security_group_ids["emr_clients"]
    additional_slave_security_groups  = var.security_group_ids["emr_clients"]
  }

  master_instance_group {
    instance_type  = var.master_instance_type
    instance_count = var.master_instance_count
  }

  core_instance_group {
    instance_type  = var.core_instance_type
    instance_count = var.core_instance_count
    ebs_config {
      size                 = var.core_volume_gib
      type                 = "gp3"
      volumes_per_instance = 1
    }
  }

  bootstrap_action {
    name = "publish-flink-metrics"
    path = "s3://${local.artifacts}/emr/scripts/publish-flink-metrics.sh"
  }

  step {
    name              = "create-topics"
    action_on_failure = "CONTINUE"
    hadoop_jar_step {
      jar  = "command-runner.jar"
      args = ["bash", "-c", "${local.run_script}create-topics.sh ${var.msk_bootstrap_brokers} ${var.kafka_replication_factor} ${local.topic_specs}"]
    }
  }

  step {
    name              = "speed-layer-submit"
    action_on_failure = "CONTINUE"
    hadoop_jar_step {
      jar  = "command-runner.jar"
      args = ["bash", "-c", "${local.run_script}speed-layer-submit.sh ${local.release_uri} ${local.state_uri}"]
    }
  }

  # Steps after creation (upgrades, retrains) are added with the AWS API, not by replacing the cluster.
  lifecycle {
    ignore_changes = [step]
  }

  depends_on = [aws_s3_object.script, aws_iam_role_policy.nodes]
}
