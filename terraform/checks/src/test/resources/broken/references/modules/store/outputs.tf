output "bucket_name" {
  value = aws_s3_bucket.this.id
}

output "logs_arn" {
  value = aws_s3_bucket.logs.arn
}
