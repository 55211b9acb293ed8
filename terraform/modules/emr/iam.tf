data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  # MSK names topics and groups under the cluster's ARN with "cluster" replaced.
  msk_topic_arn_prefix = replace(var.msk_cluster_arn, ":cluster/", ":topic/")
  msk_group_arn_prefix = replace(var.msk_cluster_arn, ":cluster/", ":group/")
}

data "aws_iam_policy_document" "assume_emr" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["elasticmapreduce.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "service" {
  name               = "${var.name}-emr-service"
  assume_role_policy = data.aws_iam_policy_document.assume_emr.json
}

# The v2 policy acts only on resources tagged for-use-with-amazon-emr-managed-policies (see the network module).
resource "aws_iam_role_policy_attachment" "service" {
  role       = aws_iam_role.service.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2"
}

data "aws_iam_policy_document" "service_pass_role" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.nodes.arn]
  }
}

resource "aws_iam_role_policy" "service_pass_role" {
  name   = "pass-node-role"
  role   = aws_iam_role.service.id
  policy = data.aws_iam_policy_document.service_pass_role.json
}

data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "nodes" {
  name               = "${var.name}-emr-nodes"
  assume_role_policy = data.aws_iam_policy_document.assume_ec2.json
}

resource "aws_iam_instance_profile" "nodes" {
  name = "${var.name}-emr-nodes"
  role = aws_iam_role.nodes.name
}

# What the jobs on the nodes do: read releases, scripts and the config; write checkpoints, the HBase root,
# views and logs; produce and consume the two topics; read the Elasticsearch credentials; report two custom metrics.
data "aws_iam_policy_document" "nodes" {
  statement {
    sid       = "ReadArtifacts"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${local.artifacts}", "arn:aws:s3:::${local.artifacts}/*"]
  }
  statement {
    sid = "ReadWriteState"
    actions = [
      "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation",
      "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
    ]
    resources = flatten([
      for role in ["checkpoints", "views", "logs"] : [
        "arn:aws:s3:::${var.bucket_names[role]}",
        "arn:aws:s3:::${var.bucket_names[role]}/*",
      ]
    ])
  }
  statement {
    sid       = "UseDataKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }
  statement {
    sid       = "KafkaCluster"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [var.msk_cluster_arn]
  }
  statement {
    sid = "KafkaTopics"
    actions = [
      "kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:AlterTopic",
      "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:AlterTopicDynamicConfiguration",
      "kafka-cluster:ReadData", "kafka-cluster:WriteData",
    ]
    resources = [for topic in values(var.kafka_topics) : "${local.msk_topic_arn_prefix}/${topic.name}"]
  }
  statement {
    sid       = "KafkaConsumerGroup"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${local.msk_group_arn_prefix}/${var.consumer_group}"]
  }
  statement {
    sid       = "KafkaTransactions"
    actions   = ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"]
    resources = ["${replace(var.msk_cluster_arn, ":cluster/", ":transactional-id/")}/*"]
  }
  statement {
    sid       = "CustomMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "cloudwatch:namespace"
      values   = ["Tradewind/*"]
    }
  }
  statement {
    sid       = "ElasticsearchCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.elasticsearch_secret_arn]
  }
  statement {
    sid       = "ClusterInfo"
    actions   = ["elasticmapreduce:DescribeCluster", "elasticmapreduce:ListInstances"]
    resources = ["arn:aws:elasticmapreduce:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:cluster/*"]
  }
}

resource "aws_iam_role_policy" "nodes" {
  name   = "tradewind-jobs"
  role   = aws_iam_role.nodes.id
  policy = data.aws_iam_policy_document.nodes.json
}
