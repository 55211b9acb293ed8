variable "region" {
  type = string
}

variable "environment" {
  type = string
}

variable "owner" {
  description = "Team answerable for this environment (the owner tag)."
  type        = string
}

variable "cost_center" {
  type = string
}

variable "release_version" {
  type = string
}

variable "api_image_repository" {
  type = string
}

variable "certificate_arn" {
  description = "ACM certificate for the API's public host name."
  type        = string
}

variable "api_keys_secret_arn" {
  description = "Secrets Manager secret holding the hashed API keys file; create it before the first apply."
  type        = string
}

variable "elastic_privatelink_service_name" {
  type = string
}

variable "alarm_email" {
  type    = string
  default = ""
}
