package io.engagement.pipeline;

import static io.engagement.testing.TinyInputs.config;
import static io.engagement.testing.TinyInputs.copyOutput;
import static io.engagement.testing.TinyInputs.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.ProcessedTinyDays;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daily runs at the same time on the same tables, as two threads of one driver: Delta's
 * log store on a local filesystem is atomic only within one JVM, which is also how two runs on
 * one cluster driver would meet. Both start from D1 processed.
 *
 * <p>D1, and D1 then D2 one after the other, are {@link ProcessedTinyDays}' states (read-only,
 * shared with other test classes): each test runs on a copy.
 */
class ConcurrentRunsTest {
  private static final LocalDate D1 = ProcessedTinyDays.D1;
  private static final LocalDate D2 = ProcessedTinyDays.D2;

  @TempDir static Path tmp;
  private static Path input;
  private static Path afterD1;
  /** D1 then D2, one after the other: the expected tables. */
  private static Path sequential;
  private static ExecutorService threads;

  @BeforeAll
  static void processD1ThenD2() {
    ProcessedTinyDays days = ProcessedTinyDays.get();
    input = days.input();
    afterD1 = days.after(D1);
    sequential = days.after(D2);
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aRerunOfD1AndARunOfD2AtTheSameTimeBothSucceed() throws Exception {
    Path output = copyOutput(afterD1, tmp.resolve("different-days"));
    List<Throwable> failures = concurrently(output, D1, D2);
    assertEquals(List.of(), failures);
    // the rerun of D1 writes what D1's first run wrote, so D2 reads the same history either way
    assertSameDayTables(sequential, output);
    // D1's first run, its rerun and D2's run, all succeeded
    assertEquals(3, table(output, Tables.JOB_RUNS).where(Columns.STATUS + " = 'succeeded'").count());
  }

  @Test
  void twoRunsOfTheSameDayLeaveNoDuplicateRows() throws Exception {
    Path output = copyOutput(afterD1, tmp.resolve("same-day"));
    List<Throwable> failures = concurrently(output, D2, D2);
    // both write the same partition: each write retries on a conflict; one may give up, cleanly
    for (Throwable failure : failures) {
      if (!(failure instanceof EngagementException e) || e.exitCode() != ExitCode.RUN_FAILED) {
        throw new AssertionError("a losing run must fail with exit 1, not " + failure, failure);
      }
    }
    assertTrue(failures.size() < 2, "at least one run succeeds: " + failures);
    assertSameDayTables(sequential, output);
    long succeeded = table(output, Tables.JOB_RUNS)
        .where(Columns.RUN_DATE + " = DATE'" + D2 + "' and " + Columns.STATUS + " = 'succeeded'").count();
    assertEquals(2 - failures.size(), succeeded);
  }

  /** Runs both days at once (released together by a latch); returns what each run threw. */
  private static List<Throwable> concurrently(Path output, LocalDate first, LocalDate second) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    for (LocalDate day : List.of(first, second)) {
      runs.add(threads.submit(() -> {
        start.await();
        run(output, day);
        return null;
      }));
    }
    start.countDown();
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> f : runs) {
      try {
        f.get();
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    return failures;
  }

  private static void assertSameDayTables(Path expected, Path actual) {
    for (Tables table : Tables.dayTables()) {
      DataFrameAssertions.assertIdenticalRows(table(expected, table), table(actual, table));
    }
  }

  private static void run(Path output, LocalDate day) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new JobRunner(config(input, output, Map.of()), false, quiet).daily(day, false, false);
  }
}
