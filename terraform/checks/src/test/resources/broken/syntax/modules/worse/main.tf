# Broken on purpose (TerraformParsesTest): an attribute with two equals signs.
resource "aws_s3_bucket" "this" {
  bucket = = "tradewind-example"
}
