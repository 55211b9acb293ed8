data "aws_region" "current" {}

locals {
  config_dir = "/config"
  # The init container writes the config and the keys file into a task-local volume and exits; the API
  # container starts only when it succeeded, so the API never starts on a half-written configuration.
  containers = [
    {
      name       = "config"
      image      = var.config_image
      essential  = false
      entryPoint = ["sh", "-c"]
      command = [
        "aws s3 cp s3://${var.config_bucket}/${var.config_object_key} ${local.config_dir}/tradewind.properties && printf '%s' \"$API_KEYS_FILE\" > ${local.config_dir}/api-keys"
      ]
      secrets     = [{ name = "API_KEYS_FILE", valueFrom = var.api_keys_secret_arn }]
      mountPoints = [{ sourceVolume = "config", containerPath = local.config_dir }]
      logConfiguration = local.log_configuration
    },
    {
      name        = "api"
      image       = var.image
      essential   = true
      command     = ["serve", "--config", "${local.config_dir}/tradewind.properties"]
      dependsOn   = [{ containerName = "config", condition = "SUCCESS" }]
      mountPoints = [{ sourceVolume = "config", containerPath = local.config_dir, readOnly = true }]
      portMappings = [{ containerPort = var.api_port, protocol = "tcp" }]
      secrets = [
        { name = "TRADEWIND_ELASTICSEARCH_USERNAME", valueFrom = "${var.elasticsearch_secret_arn}:username::" },
        { name = "TRADEWIND_ELASTICSEARCH_PASSWORD", valueFrom = "${var.elasticsearch_secret_arn}:password::" },
      ]
      logConfiguration = local.log_configuration
    },
  ]
  log_configuration = {
    logDriver = "awslogs"
    options = {
      "awslogs-group"         = aws_cloudwatch_log_group.api.name
      "awslogs-region"        = data.aws_region.current.name
      "awslogs-stream-prefix" = "api"
    }
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/tradewind/${var.name}/api"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_cluster" "this" {
  name = var.name
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${var.name}-api"
  cpu                      = var.cpu
  memory                   = var.memory
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode(local.containers)

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  volume {
    name = "config"
  }
}

resource "aws_ecs_service" "api" {
  name                              = "api"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.api.arn
  launch_type                       = "FARGATE"
  desired_count                     = var.min_tasks
  health_check_grace_period_seconds = 60

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.api_security_group_id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = var.api_port
  }

  # A deployment whose tasks never turn healthy rolls back to the previous task definition by itself.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Autoscaling owns the task count after creation.
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}
