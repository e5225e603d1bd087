#!/usr/bin/env bash
# Submits the job to a Spark cluster with spark-submit: the same jar and arguments as
# scripts/run.sh, run where the data lives.
#
#   scripts/submit.sh [SPARK-SUBMIT OPTIONS...] -- COMMAND [JOB OPTIONS...]
#
# Everything before "--" goes to spark-submit, everything after it to the job. Examples:
#
#   # YARN (cluster mode: the driver runs on the cluster; ship the config file with --files)
#   scripts/submit.sh --master yarn --deploy-mode cluster --files conf/cluster.conf \
#     -- daily --date 2026-11-04 --config cluster.conf
#
#   # Kubernetes (the image must hold Spark 4.2; the jar is read from a URL the pods can reach)
#   ENGAGEMENT_JAR=s3a://artifacts/engagement-jobs.jar scripts/submit.sh \
#     --master k8s://https://k8s.example.com:6443 --deploy-mode cluster \
#     --conf spark.kubernetes.container.image=apache/spark:4.2.0 \
#     -- daily --date 2026-11-04 --set engagement.input.root=s3a://raw --set engagement.output.root=s3a://lake/engagement
#
#   # Standalone
#   scripts/submit.sh --master spark://master:7077 -- backfill --from 2026-11-01 --to 2026-11-04 --config conf/cluster.conf
#
# S3: add --conf spark.hadoop.fs.s3a.aws.credentials.provider=... (or instance roles) and the
# hadoop-aws jar matching the cluster's Hadoop (--packages org.apache.hadoop:hadoop-aws:<version>).
# ADLS: --conf spark.hadoop.fs.azure.account.auth.type.<account>.dfs.core.windows.net=OAuth and
# the hadoop-azure jar. The paths in engagement.input.root / output.root are then s3a:// or abfss:// URIs.
#
# Environment: SPARK_HOME (spark-submit is $SPARK_HOME/bin/spark-submit, else the one on PATH),
# ENGAGEMENT_JAR (default: jobs/target/engagement-jobs.jar, built when missing),
# DELTA_PACKAGES (default io.delta:delta-spark_2.13:4.4.0; set it empty when the cluster has Delta).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="${ENGAGEMENT_JAR:-$root/jobs/target/engagement-jobs.jar}"
if [ -z "${ENGAGEMENT_JAR:-}" ] && [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi
submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"

spark_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  spark_args+=("$1")
  shift
done
[ "${1:-}" = "--" ] && shift
if [ $# -eq 0 ]; then
  echo "usage: scripts/submit.sh [SPARK-SUBMIT OPTIONS...] -- COMMAND [JOB OPTIONS...]" >&2
  exit 2
fi

packages=()
delta_packages="${DELTA_PACKAGES-io.delta:delta-spark_2.13:4.4.0}"
[ -n "$delta_packages" ] && packages=(--packages "$delta_packages")

exec "$submit" \
  --class io.engagement.cli.Main \
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
  --conf spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS \
  "${packages[@]}" \
  "${spark_args[@]}" \
  "$jar" "$@"
