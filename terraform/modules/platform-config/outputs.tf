output "content" {
  description = "tradewind.properties: one key=value line per key, sorted."
  value       = local.content
}

output "object_uri" {
  value = "s3://${aws_s3_object.platform_config.bucket}/${aws_s3_object.platform_config.key}"
}
