terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.23"
    }
    ec = {
      source  = "elastic/ec"
      version = "~> 0.12"
    }
  }
  # State bucket, key and lock table come from backend.hcl (terraform init -backend-config=backend.hcl).
  backend "s3" {}
}
