variable "name" {
  type = string
}

variable "alarm_email" {
  description = "Address subscribed to the alarm topic; empty subscribes nobody (subscribe a pager instead)."
  type        = string
  default     = ""
}

variable "msk_cluster_name" {
  type = string
}

variable "consumer_group" {
  type = string
}

variable "events_topic" {
  type = string
}

variable "consumer_lag_threshold" {
  description = "Unread events in the speed layer's group above which it is falling behind."
  type        = number
  default     = 100000
}

variable "emr_cluster_id" {
  type = string
}

variable "load_balancer_arn_suffix" {
  type = string
}

variable "api_p99_seconds" {
  type    = number
  default = 0.3
}

variable "api_5xx_percent" {
  type    = number
  default = 1
}
