# Broken on purpose (RequiredTagsTest): the ec provider has no default_tags and this deployment sets only two of
# the four required tags; the module also configures an aws provider of its own, without the root's default_tags.
variable "tags" {
  type = map(string)
}

provider "aws" {
  region = "eu-west-1"
}

resource "ec_deployment" "this" {
  name    = "search"
  region  = "aws-eu-west-1"
  version = "8.19.0"
  tags    = { project = "tradewind", environment = "dev" }
}
