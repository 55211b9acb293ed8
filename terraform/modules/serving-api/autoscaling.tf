resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_tasks
  max_capacity       = var.max_tasks
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-api-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.cpu_target_percent
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Latency rises before CPU does when HBase or Elasticsearch slow down; more tasks then mean more
# concurrent requests in flight, which helps while the stores have headroom.
resource "aws_appautoscaling_policy" "latency" {
  name               = "${var.name}-api-latency"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.latency_target_seconds
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    customized_metric_specification {
      namespace   = "AWS/ApplicationELB"
      metric_name = "TargetResponseTime"
      statistic   = "Average"
      unit        = "Seconds"
      dimensions {
        name  = "LoadBalancer"
        value = aws_lb.api.arn_suffix
      }
      dimensions {
        name  = "TargetGroup"
        value = aws_lb_target_group.api.arn_suffix
      }
    }
  }
}
