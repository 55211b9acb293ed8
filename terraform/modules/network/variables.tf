variable "name" {
  description = "Prefix of every resource name, e.g. tradewind-prod."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's address range."
  type        = string
}

variable "az_count" {
  description = "Availability zones to spread the subnets over (MSK needs 2 or 3)."
  type        = number
  default     = 3
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, one AZ's outage cuts egress) instead of one per AZ."
  type        = bool
  default     = false
}

variable "api_port" {
  description = "Port the API container listens on (api.port)."
  type        = number
  default     = 8080
}
