# Broken on purpose (NoPlaintextSecretsTest): a password variable with a default, a literal password argument,
# a secret in a container's environment, an AWS access key in a literal.
variable "db_password" {
  type    = string
  default = "hunter2hunter2"
}

resource "aws_db_instance" "this" {
  identifier = "x"
  password   = "correct-horse-battery"
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name  = "api"
    image = "x"
    environment = [
      { name = "ELASTICSEARCH_PASSWORD", value = "changeme123" },
      { name = "LOG_LEVEL", value = "info" },
    ]
  }])
}

locals {
  upload_key = "AKIAIOSFODNN7EXAMPLE"
}
