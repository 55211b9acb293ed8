variable "name" {
  type = string
}

variable "schedule_expression" {
  description = "When the retrain runs (EventBridge Scheduler syntax)."
  type        = string
  default     = "cron(30 0 * * ? *)"
}

variable "schedule_timezone" {
  type    = string
  default = "UTC"
}

variable "emr_cluster_id" {
  type = string
}

variable "emr_cluster_arn" {
  type = string
}

variable "step_command" {
  description = "From the emr module: the bash -c prefix that runs one of its scripts."
  type        = string
}

variable "release_uri" {
  type = string
}

variable "alarm_topic_arn" {
  type = string
}
