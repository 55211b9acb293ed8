# Broken on purpose (RequiredTagsTest): cost-center is missing from the default tags.
locals {
  tags = {
    project     = "tradewind"
    environment = "dev"
    owner       = "platform-team"
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = local.tags
  }
}
