package io.engagement.pipeline;

import static io.engagement.testing.TinyInputs.config;
import static io.engagement.testing.TinyInputs.copyOutput;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.ChildJob;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TinyInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL (no finally block, no shutdown hook) in the middle of a day leaves
 * every table readable as either its old or its new partition of that day, and a rerun then
 * leaves the same tables as a run that was never interrupted.
 *
 * <p>The day was processed once from an older export (u1 only); the killed run and the rerun
 * process the corrected export (u1 and u2), so "old" and "new" partitions differ and a half
 * mix of the two would show.
 */
class CrashSafetyTest {
  private static final LocalDate DAY = TinyInputs.SURVEY_DAY;
  /**
   * Columns of job_runs that differ between two runs of the same input; the config hash too, as
   * each run writes to its own output root, which is part of the config.
   */
  private static final String[] RUN_VOLATILE =
      {Columns.RUN_ID, Columns.STARTED_AT, Columns.FINISHED_AT, Columns.CONFIG_HASH};

  @TempDir static Path tmp;
  private static Path newInput;
  /** The tables after the day was processed from the older export: what a crash starts from. */
  private static Path before;
  /** The same, then the day rerun from the corrected export without interruption. */
  private static Path clean;

  /** Where each kill point's run was killed: its output root, and how the child ended. */
  private static final Map<Tables, Path> KILLED_OUTPUTS = new ConcurrentHashMap<>();
  private static final Map<Tables, ChildJob.Outcome> OUTCOMES = new ConcurrentHashMap<>();

  @BeforeAll
  static void processTheDayThenKillARerunAtEachPoint() throws Exception {
    Path oldInput = tmp.resolve("old-in");
    TinyInputs.writeUsers(oldInput);
    TinyInputs.writeDay(oldInput, DAY, false);
    newInput = tmp.resolve("new-in");
    TinyInputs.writeUsers(newInput);
    TinyInputs.writeDay(newInput, DAY, true);

    before = tmp.resolve("before");
    runInProcess(oldInput, before);
    // The three killed runs are independent processes on copies of "before": run them side by
    // side (most of a child's time is JVM and Spark start-up) while this JVM runs the clean rerun.
    ExecutorService children = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> killed = new ArrayList<>();
      killPoints().forEach(args -> {
        Tables during = (Tables) args.get()[1];
        long delayMillis = (Long) args.get()[2];
        Path output = copyOutput(before, tmp.resolve("killed-" + during.tableName()));
        KILLED_OUTPUTS.put(during, output);
        killed.add(children.submit(() -> OUTCOMES.put(during, killWhileWriting(during, delayMillis, output))));
      });
      clean = copyOutput(before, tmp.resolve("clean"));
      runInProcess(newInput, clean);
      for (Future<?> child : killed) {
        child.get();
      }
    } finally {
      children.shutdownNow();
    }
  }

  /** The three kill points of the issue, each a table whose write is under way when SIGKILL lands. */
  static Stream<Arguments> killPoints() {
    List<Tables> written = Tables.dayTables();
    return Stream.of(
        Arguments.of("during activity", Tables.USER_DAILY_ACTIVITY, 0L),
        Arguments.of("during scores", Tables.USER_ENGAGEMENT, 300L),
        Arguments.of("during the last table", written.get(written.size() - 1), 600L));
  }

  private static ChildJob.Outcome killWhileWriting(Tables during, long delayMillis, Path output) {
    String trigger = "writing " + during.tableName() + " for " + DAY;
    return new ChildJob(
            mkdirs(tmp.resolve("work-" + during.tableName())),
            Map.of(),
            List.of("daily", "--date", DAY.toString(),
                "--set", "input.root=" + newInput, "--set", "output.root=" + output))
        .runUntil(line -> line.contains(trigger), delayMillis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("killPoints")
  void aKilledRunLeavesOldOrNewPartitionsAndItsRerunEqualsACleanRun(String point, Tables during, long delayMillis) {
    Path output = KILLED_OUTPUTS.get(during);
    ChildJob.Outcome outcome = OUTCOMES.get(during);
    assertTrue(outcome.killed(), "the run ended before writing " + during.tableName() + ":\n" + outcome.output());
    assertNotEquals(0, outcome.exitCode());

    for (Tables table : Tables.dayTables()) {
      assertOldOrNew(table, output);
    }
    // job_runs is appended last: the killed run left no row, so the day still counts as the old run's
    DataFrameAssertions.assertIdenticalRows(jobRuns(before), jobRuns(output));

    runInProcess(newInput, output);
    for (Tables table : Tables.values()) {
      DataFrameAssertions.assertIdenticalRows(stable(clean, table), stable(output, table));
    }
  }

  private static void assertOldOrNew(Tables table, Path output) {
    for (Path candidate : List.of(before, clean)) {
      try {
        DataFrameAssertions.assertIdenticalRows(dayOf(candidate, table), dayOf(output, table));
        return;
      } catch (AssertionError notThisOne) {
        // try the other version
      }
    }
    fail(table.tableName() + " of " + DAY + " is neither the old nor the new partition after the kill: "
        + dayOf(output, table).collectAsList());
  }

  private static Dataset<Row> dayOf(Path root, Tables table) {
    return TinyInputs.table(root, table).where(col(table.dateColumn()).equalTo(lit(java.sql.Date.valueOf(DAY))));
  }

  private static Dataset<Row> jobRuns(Path root) {
    return TinyInputs.table(root, Tables.JOB_RUNS).drop(RUN_VOLATILE);
  }

  private static Dataset<Row> stable(Path root, Tables table) {
    return table == Tables.JOB_RUNS ? jobRuns(root) : TinyInputs.table(root, table);
  }

  private static void runInProcess(Path input, Path output) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new JobRunner(config(input, output, Map.of()), false, quiet).daily(DAY, false, false);
  }

  private static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
