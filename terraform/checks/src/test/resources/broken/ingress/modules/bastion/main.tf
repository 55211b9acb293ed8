# Broken on purpose: a rule with the public listener's name and port, but outside the network module.
resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = "sg-2"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
