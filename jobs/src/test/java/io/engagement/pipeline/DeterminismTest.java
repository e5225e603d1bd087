package io.engagement.pipeline;

import static io.engagement.testing.TinyInputs.config;
import static io.engagement.testing.TinyInputs.table;

import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input and config give bit-identical tables whatever the parallelism and however Spark
 * runs the expressions: one shuffle partition, every input day in one file and the test session's
 * interpreted projections, against eight shuffle partitions, every day split into eight files
 * (eight scan tasks) and Spark's default generated code, the way the job ships. Two days of the
 * committed sample (2000 users, about 10k events and a few survey answers a day) so that sums of
 * doubles over many rows, windows, ranks and ties are all exercised, and the second day reads the
 * first one's history.
 *
 * <p>The two backfills are independent (each its own session, input and output) and run side by
 * side.
 *
 * <p>The partition counts set here are the ones the job runs with: the shared test session sets
 * {@code spark.sql.shuffle.partitions} as a system property, so the job's session keeps a
 * session's own value instead of applying its local defaults, and adaptive execution starts each
 * shuffle with that many partitions. Means, deviations and correlations are therefore summed over
 * differently split rows on each side, which only order-independent sums survive (see
 * {@code DeterministicStatistics}).
 */
class DeterminismTest {
  private static final LocalDate FROM = LocalDate.parse("2026-10-01");
  private static final LocalDate TO = LocalDate.parse("2026-10-02");
  private static final Path SAMPLE = Path.of("..", "sample-data");
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  /**
   * The shared test session interprets where Spark can (see SparkTestSession); one side here runs
   * Spark's default instead, generated code with interpretation only as a fallback, so the
   * suite also checks the job as it ships against the interpreted run.
   */
  private static final Map<String, String> SPARK_DEFAULT_CODEGEN =
      Map.of(SparkTestSession.CODEGEN_FACTORY_MODE_KEY, "FALLBACK");

  @TempDir Path tmp;

  @Test
  void oneAndEightPartitionsInterpretedAndGeneratedGiveIdenticalTables() throws Exception {
    SparkSession shared = SparkTestSession.get();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Path> one = threads.submit(() -> backfill(shared, 1, Map.of(), tmp.resolve("one")));
      Future<Path> eight =
          threads.submit(() -> backfill(shared, 8, SPARK_DEFAULT_CODEGEN, tmp.resolve("eight")));
      Path oneOutput = one.get();
      Path eightOutput = eight.get();
      for (Tables table : Tables.dayTables()) {
        DataFrameAssertions.assertIdenticalRows(table(oneOutput, table), table(eightOutput, table));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Backfills the two days from a copy of the sample split into {@code partitions} files a day, with
   * as many shuffle partitions and the given other settings, in a session of its own (the job's
   * session is this thread's active one).
   */
  private Path backfill(SparkSession shared, int partitions, Map<String, String> settings, Path root) {
    SparkSession spark = shared.newSession();
    spark.conf().set(SHUFFLE_PARTITIONS, Integer.toString(partitions));
    settings.forEach(spark.conf()::set);
    SparkSession.setActiveSession(spark);
    try {
      Path input = root.resolve("in");
      copySplit(spark, "users", input, partitions);
      for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
        copySplit(spark, "events/date=" + day, input, partitions);
        copySplit(spark, "surveys/date=" + day, input, partitions);
      }
      Path output = root.resolve("out");
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      new JobRunner(config(input, output, Map.of()), false, quiet).backfill(FROM, TO);
      return output;
    } finally {
      SparkSession.clearActiveSession();
    }
  }

  private static void copySplit(SparkSession spark, String folder, Path input, int files) {
    spark.read().parquet(SAMPLE.resolve(folder).toString())
        .repartition(files)
        .write()
        .parquet(input.resolve(folder).toString());
  }
}
