# Credentials come from the environment: AWS's usual chain, and EC_API_KEY for Elastic Cloud.
provider "aws" {
  region = var.region
  default_tags {
    tags = local.required_tags
  }
}

provider "ec" {}
