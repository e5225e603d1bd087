# Sourced by scripts/run.sh and scripts/bench.sh: one place for building the fat jar and for the
# JVM that runs a main class of it on local Spark, so the job and its benchmark run alike.
# Environment: ENGAGEMENT_DRIVER_MEMORY (default 4g), JAVA_OPTS (extra JVM options).

engagement_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
engagement_target="$engagement_root/jobs/target"
engagement_jar="$engagement_target/engagement-jobs.jar"
engagement_classpath_file="$engagement_target/provided-classpath.txt"
engagement_jvm_flags_file="$engagement_target/spark-jvm-flags.txt"

engagement_jar_stale() {
  [ ! -f "$engagement_jar" ] || [ ! -f "$engagement_classpath_file" ] || [ ! -f "$engagement_jvm_flags_file" ] && return 0
  [ -n "$(find "$engagement_root/jobs/src/main" "$engagement_root/pom.xml" "$engagement_root/jobs/pom.xml" \
      -newer "$engagement_jar" -type f -print -quit)" ]
}

# Builds the jar first when it is missing or older than the sources.
engagement_build_if_stale() {
  if engagement_jar_stale; then
    echo "building the jar (sources changed or no jar yet)..." >&2
    (cd "$engagement_root" && mvn -q -B -DskipTests package dependency:build-classpath \
        -Dmdep.includeScope=provided -Dmdep.outputFile="$engagement_classpath_file" >&2)
    # Spark's own --add-opens list lives once, in the parent pom (spark.jvm.flags).
    (cd "$engagement_root" && mvn -q -B -N help:evaluate -Dexpression=spark.jvm.flags -DforceStdout -Dstyle.color=never \
        | sed "s/\x1b\[[0-9;]*m//g" > "$engagement_jvm_flags_file")
    touch "$engagement_jar"
  fi
}

# Replaces the shell with a JVM running MAIN_CLASS ARGS... of the jar with Spark's flags.
engagement_exec() {
  local main_class=$1
  shift
  # shellcheck disable=SC2046
  # -XX:-DontCompileHugeMethods: Spark's biggest generated methods get JIT-compiled too
  # (DeltaSessionConfig.COMPILE_HUGE_METHODS says why; in local mode this JVM runs every task).
  exec java $(cat "$engagement_jvm_flags_file") \
    -XX:-DontCompileHugeMethods \
    -Xmx"${ENGAGEMENT_DRIVER_MEMORY:-4g}" \
    -Duser.timezone=UTC \
    -Dlog4j2.configurationFile="$engagement_root/conf/log4j2.properties" \
    ${JAVA_OPTS:-} \
    -cp "$engagement_jar:$(cat "$engagement_classpath_file")" \
    "$main_class" "$@"
}
