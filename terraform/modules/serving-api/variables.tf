variable "name" {
  type = string
}

variable "image" {
  description = "The API's container image (ECR URI with tag); its entry point is the tradewind launcher."
  type        = string
}

variable "config_image" {
  description = "Image of the init container that fetches tradewind.properties and the API keys file."
  type        = string
  default     = "public.ecr.aws/aws-cli/aws-cli:2.22.0"
}

variable "cpu" {
  type    = number
  default = 1024
}

variable "memory" {
  type    = number
  default = 4096
}

variable "min_tasks" {
  type    = number
  default = 2
}

variable "max_tasks" {
  type    = number
  default = 10
}

variable "cpu_target_percent" {
  description = "Average CPU the service scales to hold."
  type        = number
  default     = 60
}

variable "latency_target_seconds" {
  description = "Average ALB TargetResponseTime the service scales to hold."
  type        = number
  default     = 0.1
}

variable "api_port" {
  type    = number
  default = 8080
}

variable "certificate_arn" {
  description = "ACM certificate of the public host name, for the HTTPS listener."
  type        = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "alb_security_group_id" {
  type = string
}

variable "api_security_group_id" {
  type = string
}

variable "config_bucket" {
  description = "Artifacts bucket that holds tradewind.properties."
  type        = string
}

variable "config_object_key" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "api_keys_secret_arn" {
  description = "Secrets Manager secret whose value is the hashed API keys file (./tradewind keys output)."
  type        = string
}

variable "elasticsearch_secret_arn" {
  description = "Secrets Manager secret with the Elasticsearch username and password (JSON)."
  type        = string
}

variable "msk_cluster_arn" {
  type = string
}

variable "events_topic" {
  type = string
}

variable "log_retention_days" {
  type    = number
  default = 30
}
