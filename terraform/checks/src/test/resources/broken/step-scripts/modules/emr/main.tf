# Broken on purpose (StepScriptsTest): run_script sets the config's location but not the secret's.
locals {
  run_script = "TRADEWIND_CONFIG_URI=s3://artifacts/tradewind.properties bash /home/hadoop/tradewind/scripts/"
}
