package io.engagement.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.cli.Main;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.DataFrameAssertions.Collected;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fat jar on a real cluster: a standalone master and two one-core workers on this machine,
 * a {@code backfill} of the first sample days submitted with spark-submit, and every table
 * compared with the same backfill run locally. What a local run cannot show: closures that do not
 * serialise, classes missing from the fat jar, state kept in one JVM, paths only the driver sees.
 *
 * <p>Run by failsafe after {@code package} ({@code mvn verify}); the pom passes the jar, the
 * SPARK_HOME holding the provided Spark and Delta jars, and Spark's JVM flags as {@code it.*}
 * system properties. Process logs are kept under {@code jobs/target/cluster-it}.
 *
 * <p>Both runs' tables are read once, side by side, when both runs are done; the tests compare.
 */
class StandaloneClusterIT {
  private static final String FROM = "2026-10-01";
  private static final String TO = "2026-10-02";
  private static final int WORKERS = 2;

  /**
   * C1 only, for every JVM of the cluster: they live a minute or two, and on a 2-core CI machine
   * C2's compilations cost more CPU than they save (measured on a local two-day backfill: 145 s of
   * CPU with C2, 111 s without). C1 alone gets a 48 MB code cache by default, which the test's
   * own JVM (the local backfill, also C1 only, see the failsafe argLine) outgrew: it peaked at
   * 66 MB, and a full code cache crashed the JVM in the middle of a task. Hence 128 MB for all.
   */
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=128m";

  /** job_runs columns that differ between any two runs of the same days (config_hash covers the output root). */
  private static final List<String> RUN_SPECIFIC =
      List.of(Columns.RUN_ID, Columns.STARTED_AT, Columns.FINISHED_AT, Columns.CONFIG_HASH);

  @TempDir static Path tmp;
  private static SortedSet<String> executors;
  /** Each table of each run as the tests compare it, or why it could not be read. */
  private static final Map<Tables, Collected> LOCAL = new EnumMap<>(Tables.class);
  private static final Map<Tables, Collected> CLUSTER = new EnumMap<>(Tables.class);
  private static final Map<Tables, Throwable> UNREADABLE = new EnumMap<>(Tables.class);
  private static final StringWriter localOutput = new StringWriter();

  @BeforeAll
  static void backfillOnTheClusterAndLocally() throws InterruptedException {
    Path work = Path.of(property("it.work.dir"));
    deleteRecursively(work);
    Path eventLogs = work.resolve("event-logs");
    createDirectories(eventLogs);

    // The local run shares the machine with the cluster: the cluster's JVMs often wait on each
    // other, which leaves CPU to spare.
    CompletableFuture<Integer> local =
        CompletableFuture.supplyAsync(StandaloneClusterIT::backfillLocally, task -> new Thread(task, "local-backfill").start());
    int exit;
    String driverOutput;
    long started = System.nanoTime();
    try (StandaloneCluster cluster = new StandaloneCluster(
        Path.of(property("it.spark.home")), property("it.spark.jvm.flags") + " " + QUICK_JIT, work)) {
      cluster.start(WORKERS, 1, "1g", Duration.ofMinutes(2));
      System.out.printf("cluster of %d workers up in %.1f s%n", WORKERS, seconds(started));
      exit = cluster.submit(submitArgs(eventLogs), "1g", Path.of(property("it.log4j.config")), Duration.ofMinutes(15));
      System.out.printf("cluster backfill %s..%s: exit %d after %.1f s%n", FROM, TO, exit, seconds(started));
      driverOutput = cluster.logTail("driver");
    } finally {
      // Even when the cluster failed: JUnit must not delete the temporary folder under a running job.
      local.join();
    }
    assertEquals(0, exit, "spark-submit failed; driver output (more in " + work + "):\n" + driverOutput);
    assertEquals(0, local.join(), "the local backfill failed:\n" + localOutput);
    executors = EventLogExecutors.thatRanTasks(eventLogs);
    readBothRuns();
  }

  /** Every table of both runs, four reads at a time (a read is a few small Spark jobs). */
  private static void readBothRuns() throws InterruptedException {
    ExecutorService readers = Executors.newFixedThreadPool(4);
    try {
      Map<Tables, Future<Collected>> local = new EnumMap<>(Tables.class);
      Map<Tables, Future<Collected>> cluster = new EnumMap<>(Tables.class);
      for (Tables table : Tables.values()) {
        local.put(table, readers.submit(() -> DataFrameAssertions.collect(comparable(table, tmp.resolve("local")))));
        cluster.put(table, readers.submit(() -> DataFrameAssertions.collect(comparable(table, tmp.resolve("cluster")))));
      }
      for (Tables table : Tables.values()) {
        try {
          LOCAL.put(table, local.get(table).get());
          CLUSTER.put(table, cluster.get(table).get());
        } catch (ExecutionException e) {
          UNREADABLE.put(table, e.getCause());
        }
      }
    } finally {
      readers.shutdownNow();
    }
  }

  /** The same backfill through the CLI in this JVM, on local Spark: what scripts/run.sh does. */
  private static int backfillLocally() {
    long started = System.nanoTime();
    PrintWriter out = new PrintWriter(localOutput, true);
    int exit = new Main(out, out, Map.of(), new Properties()).execute(jobArgs(tmp.resolve("local")));
    System.out.printf("local backfill %s..%s: exit %d after %.1f s%n", FROM, TO, exit, seconds(started));
    return exit;
  }

  @Test
  void everyExecutorRanTasks() {
    System.out.printf("cluster backfill ran on %d executors: %s%n", executors.size(), executors);
    assertEquals(WORKERS, executors.size(), "executors that ran tasks: " + executors);
  }

  @ParameterizedTest
  @EnumSource(Tables.class)
  void tableEqualsTheLocalRun(Tables table) throws Throwable {
    if (UNREADABLE.containsKey(table)) {
      throw UNREADABLE.get(table);
    }
    DataFrameAssertions.assertSameRows(LOCAL.get(table), CLUSTER.get(table));
  }

  private static Dataset<Row> comparable(Tables table, Path outputRoot) {
    Dataset<Row> rows =
        SparkSession.active().read().format("delta").load(outputRoot.resolve(table.tableName()).toString());
    return table == Tables.JOB_RUNS
        ? rows.drop(RUN_SPECIFIC.toArray(String[]::new))
        : rows.drop(Columns.RUN_ID);
  }

  /**
   * The options scripts/submit.sh passes, plus small sizes for two one-core executors. Waiting for
   * every core before the first task makes both executors get work.
   */
  private static List<String> submitArgs(Path eventLogs) {
    List<String> args = new ArrayList<>(List.of(
        "--class", "io.engagement.cli.Main",
        "--conf", "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
        "--conf", "spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "--conf", "spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS",
        "--conf", "spark.executor.memory=768m",
        "--conf", "spark.executor.extraJavaOptions=" + QUICK_JIT,
        "--conf", "spark.cores.max=" + WORKERS,
        "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
        "--conf", "spark.sql.shuffle.partitions=" + WORKERS,
        "--conf", "spark.databricks.delta.snapshotPartitions=" + WORKERS,
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.eventLog.enabled=true",
        "--conf", "spark.eventLog.compress=false",
        "--conf", "spark.eventLog.dir=" + eventLogs.toUri(),
        property("it.job.jar")));
    args.addAll(List.of(jobArgs(tmp.resolve("cluster"))));
    return args;
  }

  private static String[] jobArgs(Path outputRoot) {
    return new String[] {
      "backfill", "--from", FROM, "--to", TO,
      "--set", "engagement.input.root=" + Path.of(property("it.sample.data")).toAbsolutePath().normalize(),
      "--set", "engagement.output.root=" + outputRoot
    };
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("system property " + key + " is not set: run this test with mvn verify");
    }
    return value;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
