#!/usr/bin/env bash
# Runs the job on local Spark, the way spark-submit runs it on a cluster:
#   scripts/run.sh COMMAND [OPTIONS...]       e.g. scripts/run.sh daily --date 2026-11-04
# Builds the fat jar first when it is missing or older than the sources. Uses conf/local.conf
# (input sample-data/, output ./warehouse) unless --config is given. Run it from the repository
# root: the paths in conf/local.conf are relative to the working directory.
# Environment: ENGAGEMENT_DRIVER_MEMORY (default 4g), JAVA_OPTS (extra JVM options).
set -euo pipefail

# shellcheck source=lib/java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/java.sh"
engagement_build_if_stale

args=("$@")
has_config=false
for a in "$@"; do
  [ "$a" = "--config" ] && has_config=true
  case "$a" in --config=*) has_config=true ;; esac
done
if [ "$has_config" = false ] && [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  args=("$1" --config "$engagement_root/conf/local.conf" "${@:2}")
fi

engagement_exec io.engagement.cli.Main "${args[@]}"
