output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr_block" {
  value = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "security_group_ids" {
  description = "Security group per role: alb, api, msk, emr_master, emr_core, emr_service, emr_clients, elasticsearch_endpoint."
  value = {
    alb                    = aws_security_group.alb.id
    api                    = aws_security_group.api.id
    msk                    = aws_security_group.msk.id
    emr_master             = aws_security_group.emr_master.id
    emr_core               = aws_security_group.emr_core.id
    emr_service            = aws_security_group.emr_service.id
    emr_clients            = aws_security_group.emr_clients.id
    elasticsearch_endpoint = aws_security_group.elasticsearch_endpoint.id
  }
}
