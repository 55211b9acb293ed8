# Broken on purpose: a misspelt variable, owner missing, a string for a number.
regoin   = "eu-west-1"
region   = "eu-west-1"
replicas = "three"
