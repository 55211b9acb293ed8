module "search" {
  source = "../../modules/search"
  tags   = local.tags
}
