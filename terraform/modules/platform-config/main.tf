# tradewind.properties: the one configuration file every jar reads, with the same keys as the embedded default
# (contracts' PlatformKeys). Every fixed key is written, defaults included, so the file says everything the jobs
# run with; pass-through client settings go only under kafka.conf., hbase.conf. and hadoop.conf.
# terraform/checks' PlatformConfigKeysTest compares these keys with the code's. api.behind-tls is true because the
# ALB ends TLS (HTTPS-only listener, modules/serving-api), so the console's session cookie is marked Secure.
locals {
  fixed = {
    "kafka.bootstrap-servers"       = var.kafka_bootstrap_servers
    "kafka.events-topic"            = var.events_topic
    "kafka.dead-letter-topic"       = var.dead_letter_topic
    "kafka.consumer-group"          = var.consumer_group
    "hbase.zookeeper-quorum"        = var.hbase_zookeeper_quorum
    "hbase.znode-parent"            = var.hbase_znode_parent
    "hbase.namespace"               = var.hbase_namespace
    "storage.master-dataset"        = var.master_dataset_uri
    "storage.views"                 = var.views_uri
    "elasticsearch.url"             = var.elasticsearch_url
    "elasticsearch.catalogue-alias" = var.catalogue_alias
    "api.host"                      = "0.0.0.0"
    "api.port"                      = tostring(var.api_port)
    "api.keys-file"                 = var.api_keys_file
    "api.behind-tls"                = "true"
    "api.session.idle-timeout"      = "30m"
    "api.session.absolute-timeout"  = "12h"
    "api.sign-in.max-failures"      = "5"
    "api.sign-in.lockout"           = "15m"
    "speed.parallelism"             = tostring(var.speed_parallelism)
    "speed.checkpoint-interval"     = var.speed_checkpoint_interval
    "speed.version-check-interval"  = var.speed_version_check_interval
    "speed.trending-window"         = var.speed_trending_window
    "speed.trending-slide"          = var.speed_trending_slide
    "speed.trending-lateness"       = var.speed_trending_lateness
    "retrain.lock-timeout"          = var.retrain_lock_timeout
  }

  # MSK accepts only IAM-authenticated TLS clients (modules/kafka); the auth classes come from aws-msk-iam-auth.
  kafka_conf = {
    "kafka.conf.security.protocol"                  = "SASL_SSL"
    "kafka.conf.sasl.mechanism"                     = "AWS_MSK_IAM"
    "kafka.conf.sasl.jaas.config"                   = "software.amazon.msk.auth.iam.IAMLoginModule required;"
    "kafka.conf.sasl.client.callback.handler.class" = "software.amazon.msk.auth.iam.IAMClientCallbackHandler"
  }

  # Batch views live on S3; new objects are encrypted with the platform key like the bucket's default.
  hadoop_conf = {
    "hadoop.conf.fs.s3a.endpoint.region"      = var.region
    "hadoop.conf.fs.s3a.encryption.algorithm" = "SSE-KMS"
    "hadoop.conf.fs.s3a.encryption.key"       = var.kms_key_arn
  }

  # Fewer retries than the client's default 15, whose back-off adds up to minutes: a request fails while the
  # API can still answer from its cache or with an error.
  hbase_conf = {
    "hbase.conf.hbase.client.retries.number" = "10"
  }

  entries = merge(local.fixed, local.kafka_conf, local.hadoop_conf, local.hbase_conf)
  content = join("", [for key in sort(keys(local.entries)) : "${key}=${local.entries[key]}\n"])
}

resource "aws_s3_object" "platform_config" {
  bucket                 = var.bucket
  key                    = var.object_key
  content                = local.content
  content_type           = "text/plain; charset=utf-8"
  server_side_encryption = "aws:kms"
  kms_key_id             = var.kms_key_arn
}
