# Broken on purpose: an API key's value in tfvars.
shop_api_key = "tw_live_0123456789abcdef"
