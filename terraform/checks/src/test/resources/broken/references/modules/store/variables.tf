variable "bucket_prefix" {
  type = string
}
