# Broken on purpose (ReferencesResolveTest): an unknown output, an unknown module, an unknown argument, a
# required variable not passed.
module "store" {
  source    = "../../modules/store"
  versioned = true
}

output "bucket" {
  value = module.store.bucket_id
}

output "vpc" {
  value = module.network.vpc_id
}
