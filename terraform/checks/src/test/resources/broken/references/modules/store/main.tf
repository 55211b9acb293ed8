# Broken on purpose: a misspelt variable, an undefined local, an undeclared data source.
resource "aws_s3_bucket" "this" {
  bucket = "${var.bucket_prefx}-${local.suffix}-${data.aws_caller_identity.me.account_id}"
}
