variable "shop_api_key" {
  type = string
}
