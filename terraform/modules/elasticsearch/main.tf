data "aws_region" "current" {}

locals {
  # Elastic's PrivateLink host names: <alias>.es.vpce.<region>.aws.elastic-cloud.com through a private zone.
  privatelink_domain = "vpce.${data.aws_region.current.name}.aws.elastic-cloud.com"
}

resource "aws_vpc_endpoint" "elastic" {
  vpc_id              = var.vpc_id
  service_name        = var.privatelink_service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [var.endpoint_security_group_id]
  private_dns_enabled = false
  tags                = { Name = "${var.name}-elastic" }
}

resource "aws_route53_zone" "privatelink" {
  name = local.privatelink_domain
  vpc {
    vpc_id = var.vpc_id
  }
}

resource "aws_route53_record" "privatelink" {
  zone_id = aws_route53_zone.privatelink.zone_id
  name    = "*.${local.privatelink_domain}"
  type    = "CNAME"
  ttl     = 300
  records = [aws_vpc_endpoint.elastic.dns_entry[0]["dns_name"]]
}

# Only connections through our VPC endpoint reach the deployment; its public endpoint refuses everything else.
resource "ec_deployment_traffic_filter" "privatelink" {
  name   = "${var.name}-privatelink"
  region = var.ec_region
  type   = "vpce"
  rule {
    source = aws_vpc_endpoint.elastic.id
  }
}

resource "ec_deployment" "this" {
  name                   = var.name
  alias                  = var.name
  region                 = var.ec_region
  version                = var.elasticsearch_version
  deployment_template_id = var.deployment_template_id
  traffic_filter         = [ec_deployment_traffic_filter.privatelink.id]
  tags                   = var.tags

  elasticsearch = {
    hot = {
      size        = var.hot_size
      zone_count  = var.zone_count
      autoscaling = {}
    }
  }

  kibana = {}
}

# The deployment's generated elastic user, kept where the API task reads secrets from.
resource "aws_secretsmanager_secret" "elasticsearch" {
  name = "${var.name}/elasticsearch"
}

resource "aws_secretsmanager_secret_version" "elasticsearch" {
  secret_id = aws_secretsmanager_secret.elasticsearch.id
  secret_string = jsonencode({
    username = ec_deployment.this.elasticsearch_username
    password = ec_deployment.this.elasticsearch_password
  })
}
