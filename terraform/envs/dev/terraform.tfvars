# Example values: replace the account id, ARNs and names with yours. No secret goes here: the API keys live in
# Secrets Manager (api_keys_secret_arn names the secret), Elastic Cloud's API key in EC_API_KEY.
region      = "eu-west-1"
environment = "dev"
owner       = "platform-team"
cost_center = "cc-1234"

release_version      = "0.1.0"
api_image_repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/tradewind-api"
certificate_arn      = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
api_keys_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:tradewind-dev/api-keys-AbCdEf"

# Elastic's PrivateLink endpoint service for the region: copy it from Elastic's "AWS PrivateLink" page.
elastic_privatelink_service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-00000000000000000"
