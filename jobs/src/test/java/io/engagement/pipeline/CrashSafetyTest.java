package io.engagement.pipeline;

import static io.engagement.testing.TinyInputs.config;
import static io.engagement.testing.TinyInputs.copyOutput;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.ChildJob;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.DataFrameAssertions.Collected;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TinyInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Every run happens in {@link #processTheDayThenKillARerunAtEachPoint}, side by side where the
 * scenario allows, and every state is read into memory once, when it is reached: the tables as
 * each kill left them, then after that output's rerun. A Delta table read costs a good part of a
 * second and the tests compare over a hundred; the tests themselves only compare.
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
  /** Every table after the day was processed from the older export: what a crash starts from. */
  private static Map<Tables, Collected> before;
  /** Every table after the same, then the day rerun from the corrected export without interruption. */
  private static Map<Tables, Collected> clean;

  /**
   * One kill point's run: how the child ended, every table as the kill left it, and every table
   * after the rerun. A step that threw leaves its state and the later ones null, and the test
   * throws its failure where the step's assertions would start.
   */
  private record KilledRun(
      ChildJob.Outcome outcome, Map<Tables, Collected> afterKill, Map<Tables, Collected> afterRerun, Throwable failure) {}

  private static final Map<Tables, KilledRun> KILLED = new EnumMap<>(Tables.class);

  @BeforeAll
  static void processTheDayThenKillARerunAtEachPoint() throws Exception {
    Path oldInput = tmp.resolve("old-in");
    TinyInputs.writeUsers(oldInput);
    TinyInputs.writeDay(oldInput, DAY, false);
    newInput = tmp.resolve("new-in");
    TinyInputs.writeUsers(newInput);
    TinyInputs.writeDay(newInput, DAY, true);

    Path beforeRoot = tmp.resolve("before");
    runInProcess(oldInput, beforeRoot);
    // The three killed runs are independent processes on copies of "before": run them side by
    // side (most of a child's time is JVM and Spark start-up) while this JVM runs the clean rerun,
    // and rerun each killed output here as soon as its child is dead.
    ExecutorService runs = Executors.newFixedThreadPool(4);
    try {
      Map<Tables, Future<KilledRun>> killed = new EnumMap<>(Tables.class);
      killPoints().forEach(args -> {
        Tables during = (Tables) args.get()[1];
        long delayMillis = (Long) args.get()[2];
        killed.put(during, runs.submit(() -> killThenRerun(beforeRoot, during, delayMillis)));
      });
      Future<Map<Tables, Collected>> cleanRun = runs.submit(() -> {
        Path cleanRoot = copyOutput(beforeRoot, tmp.resolve("clean"));
        runInProcess(newInput, cleanRoot);
        return readEveryTable(cleanRoot);
      });
      before = readEveryTable(beforeRoot);
      clean = cleanRun.get();
      for (Map.Entry<Tables, Future<KilledRun>> run : killed.entrySet()) {
        KILLED.put(run.getKey(), run.getValue().get());
      }
    } finally {
      runs.shutdownNow();
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

  /** On a copy of "before": the killed run, the tables it left, the rerun, the tables after it. */
  private static KilledRun killThenRerun(Path beforeRoot, Tables during, long delayMillis) {
    ChildJob.Outcome outcome;
    Path output;
    try {
      output = copyOutput(beforeRoot, tmp.resolve("killed-" + during.tableName()));
      outcome = killWhileWriting(during, delayMillis, output);
    } catch (RuntimeException | Error e) {
      return new KilledRun(null, null, null, e);
    }
    Map<Tables, Collected> afterKill;
    try {
      afterKill = readEveryTable(output);
    } catch (RuntimeException | Error e) {
      return new KilledRun(outcome, null, null, e);
    }
    try {
      runInProcess(newInput, output);
      return new KilledRun(outcome, afterKill, readEveryTable(output), null);
    } catch (RuntimeException | Error e) {
      return new KilledRun(outcome, afterKill, null, e);
    }
  }

  private static ChildJob.Outcome killWhileWriting(Tables during, long delayMillis, Path output) {
    String trigger = "writing " + during.tableName() + " for " + DAY;
    // A SIGKILL does not care how Spark runs expressions: the children run the tests' cheaper
    // interpreted projections (DeterminismTest and the cluster test cover the default).
    return new ChildJob(
            mkdirs(tmp.resolve("work-" + during.tableName())),
            SparkTestSession.INTERPRETED_PROJECTIONS,
            List.of("daily", "--date", DAY.toString(),
                "--set", "input.root=" + newInput, "--set", "output.root=" + output))
        .runUntil(line -> line.contains(trigger), delayMillis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("killPoints")
  void aKilledRunLeavesOldOrNewPartitionsAndItsRerunEqualsACleanRun(String point, Tables during, long delayMillis)
      throws Throwable {
    KilledRun run = KILLED.get(during);
    if (run.outcome() == null) {
      throw run.failure();
    }
    ChildJob.Outcome outcome = run.outcome();
    assertTrue(outcome.killed(), "the run ended before writing " + during.tableName() + ":\n" + outcome.output());
    assertNotEquals(0, outcome.exitCode());

    if (run.afterKill() == null) {
      throw run.failure();
    }
    for (Tables table : Tables.dayTables()) {
      assertOldOrNew(table, run.afterKill().get(table));
    }
    // job_runs is appended last: the killed run left no row, so the day still counts as the old run's
    DataFrameAssertions.assertIdenticalRows(before.get(Tables.JOB_RUNS), run.afterKill().get(Tables.JOB_RUNS));

    // the rerun of the killed output (runInProcess), done in processTheDayThenKillARerunAtEachPoint
    if (run.afterRerun() == null) {
      throw run.failure();
    }
    for (Tables table : Tables.values()) {
      DataFrameAssertions.assertIdenticalRows(clean.get(table), run.afterRerun().get(table));
    }
  }

  private static void assertOldOrNew(Tables table, Collected afterKill) {
    Collected left = dayOf(afterKill, table);
    for (Map<Tables, Collected> candidate : List.of(before, clean)) {
      try {
        DataFrameAssertions.assertIdenticalRows(dayOf(candidate.get(table), table), left);
        return;
      } catch (AssertionError notThisOne) {
        // try the other version
      }
    }
    fail(table.tableName() + " of " + DAY + " is neither the old nor the new partition after the kill: " + left.rows());
  }

  /** The rows of DAY's partition. */
  private static Collected dayOf(Collected rows, Tables table) {
    int at = rows.columns().indexOf(table.dateColumn());
    Date day = Date.valueOf(DAY);
    return new Collected(rows.columns(), rows.rows().stream().filter(r -> day.equals(r.get(at))).toList());
  }

  /** Every table of an output root as the tests compare it: without what differs between runs. */
  private static Map<Tables, Collected> readEveryTable(Path root) {
    Map<Tables, Collected> tables = new EnumMap<>(Tables.class);
    for (Tables table : Tables.values()) {
      tables.put(table, DataFrameAssertions.collect(stable(root, table)));
    }
    return tables;
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
