variable "name" {
  type = string
}

variable "tags" {
  description = "Required tags; the ec provider has no default_tags, so they are set on the deployment itself."
  type        = map(string)
}

variable "ec_region" {
  description = "Elastic Cloud region, the AWS region with an aws- prefix, e.g. aws-eu-west-1."
  type        = string
}

variable "elasticsearch_version" {
  type    = string
  default = "8.19.0"
}

variable "deployment_template_id" {
  type    = string
  default = "aws-storage-optimized"
}

variable "hot_size" {
  description = "Memory per zone of the hot tier, e.g. 4g or 8g."
  type        = string
  default     = "4g"
}

variable "zone_count" {
  type    = number
  default = 2
}

variable "privatelink_service_name" {
  description = "Elastic's PrivateLink endpoint service in this region (Elastic's documentation lists one per region)."
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "endpoint_security_group_id" {
  type = string
}
