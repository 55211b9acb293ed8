# One security group per role. The only rule open to the internet is the load balancer's HTTPS listener;
# every other rule names the security group it lets in.

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Public HTTPS listener of the serving API"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-alb" }
}

resource "aws_security_group" "api" {
  name        = "${var.name}-api"
  description = "Serving API tasks (ECS Fargate)"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-api" }
}

resource "aws_security_group" "msk" {
  name        = "${var.name}-msk"
  description = "MSK brokers (IAM auth over TLS, port 9098)"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-msk" }
}

# EMR fills the managed groups with its own rules; ours go into emr_clients, attached beside them.
resource "aws_security_group" "emr_master" {
  name                   = "${var.name}-emr-master"
  description            = "EMR managed: master node"
  vpc_id                 = aws_vpc.this.id
  revoke_rules_on_delete = true
  tags                   = merge(local.emr_managed, { Name = "${var.name}-emr-master" })
}

resource "aws_security_group" "emr_core" {
  name                   = "${var.name}-emr-core"
  description            = "EMR managed: core nodes"
  vpc_id                 = aws_vpc.this.id
  revoke_rules_on_delete = true
  tags                   = merge(local.emr_managed, { Name = "${var.name}-emr-core" })
}

resource "aws_security_group" "emr_service" {
  name                   = "${var.name}-emr-service"
  description            = "EMR managed: service access from the private subnets"
  vpc_id                 = aws_vpc.this.id
  revoke_rules_on_delete = true
  tags                   = merge(local.emr_managed, { Name = "${var.name}-emr-service" })
}

resource "aws_security_group" "emr_clients" {
  name        = "${var.name}-emr-clients"
  description = "HBase and ZooKeeper on the EMR nodes, reachable from the API"
  vpc_id      = aws_vpc.this.id
  tags        = merge(local.emr_managed, { Name = "${var.name}-emr-clients" })
}

resource "aws_security_group" "elasticsearch_endpoint" {
  name        = "${var.name}-es-endpoint"
  description = "PrivateLink endpoint to the Elastic Cloud deployment"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-es-endpoint" }
}

# The public listener: the single rule that admits the internet.
resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from shops"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.api_port
  to_port                      = var.api_port
  referenced_security_group_id = aws_security_group.api.id
}

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.api.id
  description                  = "From the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.api_port
  to_port                      = var.api_port
  referenced_security_group_id = aws_security_group.alb.id
}

# Tasks pull images and read Secrets Manager and S3 over HTTPS through the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "api_https" {
  security_group_id = aws_security_group.api.id
  description       = "HTTPS to AWS APIs and ECR"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "api_to_msk" {
  security_group_id            = aws_security_group.api.id
  description                  = "POST /v1/events produces to Kafka"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = aws_security_group.msk.id
}

resource "aws_vpc_security_group_egress_rule" "api_to_emr" {
  for_each                     = local.hbase_ports
  security_group_id            = aws_security_group.api.id
  description                  = "HBase client: ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.emr_clients.id
}

resource "aws_vpc_security_group_ingress_rule" "emr_from_api" {
  for_each                     = local.hbase_ports
  security_group_id            = aws_security_group.emr_clients.id
  description                  = "HBase client: ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.api.id
}

resource "aws_vpc_security_group_ingress_rule" "msk_from_clients" {
  for_each = {
    api         = aws_security_group.api.id
    emr_master  = aws_security_group.emr_master.id
    emr_core    = aws_security_group.emr_core.id
  }
  security_group_id            = aws_security_group.msk.id
  description                  = "Kafka IAM/TLS from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = each.value
}

resource "aws_vpc_security_group_ingress_rule" "elasticsearch_from_clients" {
  for_each = {
    api         = aws_security_group.api.id
    emr_clients = aws_security_group.emr_clients.id
  }
  security_group_id            = aws_security_group.elasticsearch_endpoint.id
  description                  = "Elasticsearch over PrivateLink from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = each.value
}
