#!/usr/bin/env bash
# Runs the job on local Spark, the way spark-submit runs it on a cluster:
#   scripts/run.sh COMMAND [OPTIONS...]       e.g. scripts/run.sh daily --date 2026-11-04
# Builds the fat jar first when it is missing or older than the sources. Uses conf/local.conf
# (input sample-data/, output ./warehouse) unless --config is given. Run it from the repository
# root: the paths in conf/local.conf are relative to the working directory.
# Environment: ENGAGEMENT_DRIVER_MEMORY (default 4g), JAVA_OPTS (extra JVM options).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target="$root/jobs/target"
jar="$target/engagement-jobs.jar"
classpath_file="$target/provided-classpath.txt"
jvm_flags_file="$target/spark-jvm-flags.txt"

stale() {
  [ ! -f "$jar" ] || [ ! -f "$classpath_file" ] || [ ! -f "$jvm_flags_file" ] && return 0
  [ -n "$(find "$root/jobs/src/main" "$root/pom.xml" "$root/jobs/pom.xml" -newer "$jar" -type f -print -quit)" ]
}

if stale; then
  echo "building the jar (sources changed or no jar yet)..." >&2
  (cd "$root" && mvn -q -B -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=provided -Dmdep.outputFile="$classpath_file" >&2)
  # Spark's own --add-opens list lives once, in the parent pom (spark.jvm.flags).
  (cd "$root" && mvn -q -B -N help:evaluate -Dexpression=spark.jvm.flags -DforceStdout -Dstyle.color=never | sed "s/\x1b\[[0-9;]*m//g" > "$jvm_flags_file")
  touch "$jar"
fi

args=("$@")
has_config=false
for a in "$@"; do
  [ "$a" = "--config" ] && has_config=true
  case "$a" in --config=*) has_config=true ;; esac
done
if [ "$has_config" = false ] && [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  args=("$1" --config "$root/conf/local.conf" "${@:2}")
fi

# shellcheck disable=SC2046
exec java $(cat "$jvm_flags_file") \
  -Xmx"${ENGAGEMENT_DRIVER_MEMORY:-4g}" \
  -Duser.timezone=UTC \
  -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  ${JAVA_OPTS:-} \
  -cp "$jar:$(cat "$classpath_file")" \
  io.engagement.cli.Main "${args[@]}"
