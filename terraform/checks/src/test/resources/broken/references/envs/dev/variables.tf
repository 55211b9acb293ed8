variable "region" {
  type = string
}

variable "owner" {
  type = string
}

variable "replicas" {
  type = number
}
