output "bucket_names" {
  description = "Bucket name per role: artifacts, checkpoints, views, logs."
  value       = { for role, bucket in aws_s3_bucket.this : role => bucket.id }
}

output "bucket_arns" {
  value = { for role, bucket in aws_s3_bucket.this : role => bucket.arn }
}

output "kms_key_arn" {
  value = aws_kms_key.data.arn
}
