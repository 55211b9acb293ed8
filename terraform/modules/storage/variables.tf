variable "name" {
  description = "Prefix of every resource name; bucket names add the account id to be globally unique."
  type        = string
}

variable "force_destroy" {
  description = "Let terraform destroy non-empty buckets (dev only)."
  type        = bool
  default     = false
}

variable "noncurrent_version_days" {
  description = "Days an overwritten or deleted object version is kept in the versioned buckets."
  type        = number
  default     = 30
}

variable "log_retention_days" {
  description = "Days EMR and job logs are kept."
  type        = number
  default     = 30
}
