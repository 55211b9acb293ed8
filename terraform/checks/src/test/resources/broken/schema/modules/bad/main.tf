# Broken on purpose (AwsProviderSchemaTest): names the AWS provider does not have.
resource "aws_s3_bukket" "typo" {
  bucket = "x"
}

data "aws_regions_list" "all" {}

resource "aws_s3_bucket" "logs" {
  bucket             = "x"
  versioning_enabled = true
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "x"
  kafka_version          = "3.7.x.kraft"
  number_of_broker_nodes = 3
  zookeeper {
    nodes = 3
  }
  encryption_info {
    encryption_in_transit {
      client_to_broker = "TLS"
    }
  }
}

resource "aws_security_group" "api" {
  name = "x"
  dynamic "ingress" {
    for_each = [8080]
    content {
      port     = ingress.value
      protocol = "tcp"
    }
  }
}
