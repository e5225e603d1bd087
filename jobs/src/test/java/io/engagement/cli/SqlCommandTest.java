package io.engagement.cli;

import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.config.ConfigLoader;
import io.engagement.input.InputSchemas;
import io.engagement.output.JobRun;
import io.engagement.output.TableCatalog;
import io.engagement.pipeline.JobRunner;
import io.engagement.query.SqlConsole;
import io.engagement.query.SqlScript;
import io.engagement.testing.Events;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/queries.sql on two tiny processed days, through the sql command with the real jobs.
 *
 * <p>Days: D1 = 2026-11-01 and D8 = 2026-11-08 (a gap, allowed), so D8 has 7-day changes. Users
 * (default config: segments plan and region): u1 acc-1 pro emea signed up 10-01; u2 acc-2 free
 * amer 10-15; u3 acc-3 free apac 10-20, never active. D1: u1 one web visit (a page view, an
 * upload_file of 2 pages), u2 a purchase of 20, plus a duplicate of u2's event id; u2 answers 3.
 * D8: u2 a purchase of 20, plus an event without event_id; u1 answers 9 and u3 answers 10.
 *
 * <p>Every user is in the low band (< 33.3) on both days. u3 scores 0 (no activity). u1 scores at
 * most 32.3 on D8 even with each metric not fixed by the data at its maximum sub-score 1: visits
 * (1 + 2 * 1/20 + 1 + 1 + 1 + recency 0.5 + 2 * reliance 1/7) / 9 = 0.543, actions
 * (ln2/ln21 + 1/7 + 0) / 3 = 0.124, kpis (0 + 0 + ln3/ln51) / 4 = 0.070: 50 * 0.543 + 30 * 0.124
 * + 20 * 0.070 = 32.3. u2 at most 26.3: visits (ln3/ln41 + 2 * 2/20 + 1/6 + ln2/ln11 + 1 + 1 + 2 *
 * 2/25) / 9 = 0.346, actions 0, kpis (2 * ln41/ln501 + ln3/ln6 + 0) / 4 = 0.452.
 */
class SqlCommandTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D8 = LocalDate.parse("2026-11-08");

  @TempDir static Path shared;
  private static Path output;
  private static Run queries;
  private static List<SqlScript.Statement> statements;

  private record Run(int code, String out, String err) {}

  private static Run sql(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), Map.of(), new Properties()).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String[] withRoot(Path root, String... args) {
    return Stream.concat(Arrays.stream(args), Stream.of("--set", "output.root=" + root)).toArray(String[]::new);
  }

  /** docs/queries.sql of the repository; tests run in the jobs module. */
  private static Path queriesFile() {
    Path fromModule = Path.of("..", "docs", "queries.sql");
    return Files.exists(fromModule) ? fromModule : Path.of("docs", "queries.sql");
  }

  @BeforeAll
  static void twoDaysThenTheQueries() throws Exception {
    Path input = shared.resolve("in");
    output = shared.resolve("out");
    write(
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("u1", "acc-1", date("2026-10-01"), "pro", "emea")
            .row("u2", "acc-2", date("2026-10-15"), "free", "amer")
            .row("u3", "acc-3", date("2026-10-20"), "free", "apac")
            .toDF(),
        input.resolve("users"));
    write(
        Events.builder()
            .full("a1", "2026-11-01T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("a2", "2026-11-01T09:05:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "2"))
            .full("a3", "2026-11-01T11:00:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 20.0, null)
            .full("a3", "2026-11-01T11:30:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 20.0, null)
            .toDF(),
        input.resolve("events/date=" + D1));
    write(survey("r1", "2026-11-01T12:00:00Z", "u2", "acc-2", 3), input.resolve("surveys/date=" + D1));
    write(
        Events.builder()
            .full("b1", "2026-11-08T11:00:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 20.0, null)
            .full(null, "2026-11-08T11:10:00Z", "u2", "acc-2", null, "page_view", null, "billing", "api", null, null)
            .toDF(),
        input.resolve("events/date=" + D8));
    write(
        survey("r2", "2026-11-08T12:00:00Z", "u1", "acc-1", 9)
            .union(survey("r3", "2026-11-08T13:00:00Z", "u3", "acc-3", 10)),
        input.resolve("surveys/date=" + D8));

    JobRunner runner =
        new JobRunner(
            ConfigLoader.load(
                Optional.empty(),
                Map.of(
                    "input.root", input.toString(),
                    "output.root", output.toString(),
                    // one bad row among a handful is far above the default 5%
                    "quality.max-rejected-fraction", "1"),
                Map.of()),
            false,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    runner.daily(D1, false, false);
    runner.daily(D8, false, true);

    statements = SqlScript.parse(Files.readString(queriesFile()));
    queries = sql(withRoot(output, "sql", "--file", queriesFile().toString()));
  }

  private static Dataset<Row> survey(String id, String time, String user, String account, int score) {
    return TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
        .row(id, TestFrames.ts(time), user, account, "relationship", score, null, "email")
        .toDF();
  }

  private static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  /** The rows of the statement of docs/queries.sql whose label starts so (views registered above). */
  private static List<Row> rowsOf(String labelStart) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).label().startsWith(labelStart)) {
        SqlConsole console = new SqlConsole(SparkTestSession.get(), new PrintWriter(new StringWriter()), 50, 80);
        return console.query(statements.get(i), i + 1).collectAsList();
      }
    }
    throw new AssertionError("no statement labelled '" + labelStart + "...' in " + queriesFile());
  }

  private static Object get(Row row, String column) {
    return row.get(row.fieldIndex(column));
  }

  @Test
  void everyStatementRunsAndPrintsItsLabelAndResult() {
    assertEquals(0, queries.code(), queries.err());
    assertEquals("", queries.err(), "every table was written: no note");
    assertEquals(8, statements.size());
    for (SqlScript.Statement statement : statements) {
      assertTrue(queries.out().contains("-- " + statement.title(0) + "\n"), statement.title(0) + " in " + queries.out());
    }
    assertTrue(queries.out().contains("| account_id | users | active_users |"), queries.out());
  }

  @Test
  void accountsWhoseEngagementFell() {
    // acc-1 (u1, active on D1 only): from D1 to D8 only recency changes, 0 -> 7 days, its
    // sub-score 1 -> 0.5 (half-life 7), weight 1 of the visits' 9, visits weigh 50 of 100:
    // 100 * 50 * (0.5 - 1) / 9 / 100 = -2.78. acc-2 (u2 bought again on D8) rose, acc-3 (u3) is 0 both days.
    List<Row> rows = rowsOf("Accounts whose engagement fell");
    assertEquals(1, rows.size(), rows::toString);
    assertEquals("acc-1", get(rows.get(0), "account_id"));
    assertEquals(-2.8, get(rows.get(0), "mean_score_change_7d"));
    assertEquals(0L, get(rows.get(0), "active_users_change_7d"));
  }

  @Test
  void promotersWithLowEngagement() {
    // u3 (10, score 0) and u1 (9, score <= 32.3), by score; u2 is a detractor
    List<Row> rows = rowsOf("Promoters with low engagement");
    assertEquals(List.of("u3", "u1"), rows.stream().map(r -> r.<String>getAs("user_id")).toList());
    assertEquals(List.of(10, 9), rows.stream().map(r -> r.<Integer>getAs("nps_score")).toList());
    assertEquals(0.0, get(rows.get(0), "score"));
    assertEquals(java.sql.Date.valueOf(D8), get(rows.get(0), "response_date"));
  }

  @Test
  void npsBySegmentWithItsMarginOfError() {
    // margin = 196 * sqrt((pP' + pD' - (pP' - pD')^2) / n') with n' = n + 3, pX' = (X + 0.75) / n'
    // business: u2 (3, on D1) D, u1 (9) P, u3 (10) P: nps 100 * (2 - 1) / 3 = 33.3;
    //   n' = 6, pP' = 2.75/6, pD' = 1.75/6: 196 * sqrt((0.75 - 0.0278) / 6) = 68.0
    // n = 1: n' = 4, 0.4375 and 0.1875: 196 * sqrt((0.625 - 0.0625) / 4) = 73.5
    // free (u2 D, u3 P): nps 0, n' = 5, 0.35 each: 196 * sqrt(0.7 / 5) = 73.3
    // nps_change_7d: business on D1 -100 (u2 alone): 133.3; free on D1 -100: 100; amer -100 both days: 0
    List<Row> rows = rowsOf("NPS by segment");
    List<String> actual =
        rows.stream()
            .map(r -> r.getAs("segment_dimension") + "/" + r.getAs("segment_value") + " n=" + r.getAs("respondents")
                + " nps=" + r.getAs("nps") + " moe=" + r.getAs("margin_of_error") + " range=" + r.getAs("nps_from")
                + ".." + r.getAs("nps_to") + " low=" + r.getAs("low_sample") + " rate=" + r.getAs("response_rate")
                + " change=" + r.getAs("nps_change_7d"))
            .toList();
    assertEquals(
        List.of(
            "all/all n=3 nps=33.3 moe=68.0 range=-34.7..100.0 low=true rate=1.0 change=133.3",
            "plan/free n=2 nps=0.0 moe=73.3 range=-73.3..73.3 low=true rate=1.0 change=100.0",
            "plan/pro n=1 nps=100.0 moe=73.5 range=26.5..100.0 low=true rate=1.0 change=null",
            "region/amer n=1 nps=-100.0 moe=73.5 range=-100.0..-26.5 low=true rate=1.0 change=0.0",
            "region/apac n=1 nps=100.0 moe=73.5 range=26.5..100.0 low=true rate=1.0 change=null",
            "region/emea n=1 nps=100.0 moe=73.5 range=26.5..100.0 low=true rate=1.0 change=null"),
        actual);
  }

  @Test
  void noAlertsWithoutSevenDaysOfBaseline() {
    // D8's baseline holds one earlier value (D1): fewer than the 7 an alert needs
    assertEquals(List.of(), rowsOf("Today's alerts"));
  }

  @Test
  void theBusinessDayByDay() {
    // 3 scored users both days (u3 never active but signed up 12 and 19 days before);
    // active (a visit in the 28-day window): u1 and u2 on both days
    List<Row> rows = rowsOf("The business day by day");
    assertEquals(
        List.of("2026-11-08 users=3 active=2 accounts=3 change=0", "2026-11-01 users=3 active=2 accounts=3 change=null"),
        rows.stream()
            .map(r -> r.getAs("score_date") + " users=" + r.getAs("users") + " active=" + r.getAs("active_users")
                + " accounts=" + r.getAs("accounts") + " change=" + r.getAs("active_users_change_7d"))
            .toList());
  }

  @Test
  void usersByBand() {
    // every user is low on D8 (see the class comment)
    List<Row> rows = rowsOf("Users by engagement band");
    assertEquals(
        List.of("all/all 3 3 0 0", "plan/free 2 2 0 0", "plan/pro 1 1 0 0", "region/amer 1 1 0 0",
            "region/apac 1 1 0 0", "region/emea 1 1 0 0"),
        rows.stream()
            .map(r -> r.getAs("segment_dimension") + "/" + r.getAs("segment_value") + " " + r.getAs("users") + " "
                + r.getAs("low_users") + " " + r.getAs("mid_users") + " " + r.getAs("high_users"))
            .toList());
  }

  @Test
  void rejectedRowsOfTheLastSevenDays() {
    // D8's event without id; D1's duplicate is 7 days before D8, outside D2..D8
    List<Row> rows = rowsOf("Rejected rows by source and reason");
    assertEquals(
        List.of("events missing_event_id 1 1 2026-11-08"),
        rows.stream()
            .map(r -> r.getAs("source") + " " + r.getAs("reason") + " " + r.getAs("rejected_rows") + " "
                + r.getAs("days") + " " + r.getAs("last_day"))
            .toList());
  }

  @Test
  void theLatestRuns() {
    // D1: 3 events kept, the duplicate rejected; D8: 1 kept, 1 without id rejected
    List<Row> rows = rowsOf("The latest runs");
    assertEquals(
        List.of("2026-11-08 daily " + JobRun.Status.SUCCEEDED.value() + " 0 1 1",
            "2026-11-01 daily " + JobRun.Status.SUCCEEDED.value() + " 0 3 1"),
        rows.stream()
            .map(r -> r.getAs("run_date") + " " + r.getAs("command") + " " + r.getAs("status") + " "
                + r.getAs("exit_code") + " " + r.getAs("events_accepted") + " " + r.getAs("events_rejected"))
            .toList());
    assertNotNull(get(rows.get(0), "seconds"));
  }

  @Test
  void anInlineQueryPrintsATable() {
    Run r = sql(withRoot(output, "sql", "SELECT segment_value, users FROM segment_engagement WHERE segment_dimension = 'plan' AND score_date = DATE'2026-11-08' ORDER BY 1", "--limit", "1"));
    assertEquals(0, r.code(), r.err());
    assertEquals(
        String.join("\n",
            "+---------------+-------+",
            "| segment_value | users |",
            "+---------------+-------+",
            "| free          |     2 |",
            "+---------------+-------+",
            "(the first 1 shown: there are more, raise --limit to see them)",
            "",
            ""),
        r.out());
  }

  @Test
  void aFailingQueryIsExitTwoWithSparksFirstLine() {
    Run r = sql(withRoot(output, "sql", "SELECT nope FROM account_engagement"));
    assertEquals(2, r.code());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("error: statement 1 failed: [UNRESOLVED_COLUMN"), r.err());
    // a query failing on its data under ANSI mode is the analyst's too
    // (an inline statement starting with a comment follows picocli's "--", or it reads as an option)
    Run divide =
        sql("sql", "--set", "output.root=" + output, "--", "-- ratio\nSELECT users / (users - users) FROM account_engagement");
    assertEquals(2, divide.code(), divide.err());
    assertTrue(divide.err().startsWith("error: statement 1 (ratio) failed: [DIVIDE_BY_ZERO]"), divide.err());
  }

  // ---- the command line alone, without Spark ----

  private static Run recorded(RecordingJobs jobs, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), Map.of(), new Properties(), jobs).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theFileIsSplitIntoItsStatementsWithTheDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.sql");
    Files.writeString(file, "-- first\nSELECT 1;\nSELECT ';';\n");
    RecordingJobs jobs = new RecordingJobs();
    Run r = recorded(jobs, "sql", "--file", file.toString(), "--set", "output.root=/out");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("sql limit=50 maxWidth=80"), jobs.calls);
    assertEquals("/out", jobs.outputRoot);
    assertEquals(
        List.of(new SqlScript.Statement("first", "SELECT 1"), new SqlScript.Statement("", "SELECT ';'")),
        jobs.statements);
  }

  @Test
  void badCommandLinesAreExitTwoBeforeAnyWork(@TempDir Path dir) {
    RecordingJobs jobs = new RecordingJobs();
    String root = "output.root=/out";
    for (String[] args :
        List.of(
            new String[] {"sql", "--set", root},
            new String[] {"sql", "SELECT 1", "--file", "q.sql", "--set", root},
            new String[] {"sql", "SELECT 1", "--limit", "0", "--set", root},
            new String[] {"sql", "SELECT 1", "--max-width", "-1", "--set", root},
            new String[] {"sql", "-- only a comment", "--set", root},
            new String[] {"sql", "--file", dir.resolve("missing.sql").toString(), "--set", root},
            new String[] {"sql", "SELECT 1"})) {
      Run r = recorded(jobs, args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
    assertEquals(List.of(), jobs.calls);
    Run missing = recorded(jobs, "sql", "--file", dir.resolve("missing.sql").toString(), "--set", root);
    assertTrue(missing.err().contains("missing.sql does not exist"), missing.err());
  }

  @Test
  void aStatementThatWouldWriteIsRefusedAndChangesNothing() {
    long before = SparkTestSession.get().read().format("delta").load(output.resolve("account_engagement").toString()).count();
    Run r = sql(withRoot(output, "sql", "SELECT 1; DELETE FROM account_engagement; SELECT 3"));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: statement 2 is not read-only (DELETE)"), r.err());
    // checked before anything runs: statement 1 printed nothing
    assertEquals("", r.out());
    assertEquals(before, SparkTestSession.get().read().format("delta").load(output.resolve("account_engagement").toString()).count());
  }

  @Test
  void tablesNeverWrittenAreSkippedWithANote() {
    try {
      Run r = sql(withRoot(shared.resolve("empty"), "sql", "SELECT 1 AS one"));
      assertEquals(0, r.code(), r.err());
      assertTrue(r.err().contains("note: account_engagement was never written, no view"), r.err());
      assertTrue(r.out().contains("| one |"), r.out());
      // the views of the other root are gone with it
      Run stale = sql(withRoot(shared.resolve("empty"), "sql", "SELECT * FROM account_engagement"));
      assertEquals(2, stale.code(), stale.err());
      assertTrue(stale.err().contains("TABLE_OR_VIEW_NOT_FOUND"), stale.err());
    } finally {
      new TableCatalog(SparkTestSession.get(), output.toString()).registerViews();
    }
  }
}
