# An unclosed block: terraform would refuse this file.
resource "aws_s3_bucket" "this" {
  bucket = "tradewind-example"
