# Broken on purpose (PlatformConfigKeysTest): retrain.lock-timeout is not written, kafka.topic is no key of the
# code, flink.conf. is no pass-through prefix, and one part of the map comes from a variable (computed).
variable "extra" {
  type    = map(string)
  default = {}
}

locals {
  fixed = {
    "kafka.bootstrap-servers"       = "b-1:9098"
    "kafka.topic"                   = "events"
    "kafka.events-topic"            = "events"
    "kafka.dead-letter-topic"       = "events-dead-letter"
    "kafka.consumer-group"          = "tradewind-speed-layer"
    "hbase.zookeeper-quorum"        = "master:2181"
    "hbase.znode-parent"            = "/hbase"
    "hbase.namespace"               = "tradewind"
    "storage.master-dataset"        = "hdfs://master:8020/tradewind/master"
    "storage.views"                 = "s3a://views/views"
    "elasticsearch.url"             = "https://es:443"
    "elasticsearch.catalogue-alias" = "catalogue"
    "api.host"                      = "0.0.0.0"
    "api.port"                      = "8080"
    "api.keys-file"                 = "/config/api-keys"
    "api.behind-tls"                = "true"
    "api.session.idle-timeout"      = "30m"
    "api.session.absolute-timeout"  = "12h"
    "api.sign-in.max-failures"      = "5"
    "api.sign-in.lockout"           = "15m"
    "speed.parallelism"             = "2"
    "speed.checkpoint-interval"     = "10s"
    "speed.version-check-interval"  = "30s"
    "speed.trending-window"         = "1h"
    "speed.trending-slide"          = "15m"
    "speed.trending-lateness"       = "1m"
  }
  pass_through = {
    "kafka.conf.security.protocol" = "SASL_SSL"
    "flink.conf.parallelism"       = "2"
  }
  entries = merge(local.fixed, local.pass_through, var.extra)
}
