package io.engagement.pipeline;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.ts;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.cli.Main;
import io.engagement.config.ConfigLoader;
import io.engagement.config.EngagementConfig;
import io.engagement.config.LoadedConfig;
import io.engagement.input.InputSchemas;
import io.engagement.input.RawDay;
import io.engagement.input.SourceCounts;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.Events;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestConfigs;
import io.engagement.testing.TestFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end cases of the bad-input catalogue (docs/bad-inputs.md): raw Parquet files in a
 * temporary input root, the real job runner (and, for failures, the real CLI), Delta tables in a
 * temporary output root. A day's run costs seconds, so one input root serves several cases:
 *
 * <ul>
 *   <li>2026-11-02 runs first: an empty events partition (a folder with no file), no surveys;
 *   <li>2026-11-01 runs second, so it is older than the last processed day: its events hold a
 *       duplicate event_id and an unparsable KPI property; its surveys unicode and 100 KB comments,
 *       a duplicate response_id and scores -1, 11 and null;
 *   <li>the users snapshot (read by both days) holds a repeated and a null user_id;
 *   <li>through the CLI: 2026-11-03 lacks the user_id column and 2099-01-01 has no input at all.
 * </ul>
 *
 * One user with a million events in a day goes through the pipeline's steps in memory.
 *
 * <p>The config is the default one but for {@code quality.max-rejected-fraction = 1}: the
 * catalogue's few rows are mostly bad, and the gate itself is JobRunnerTest's subject.
 *
 * <pre>
 * users (user_id, account_id, signup_date, plan, region):
 *   u1 acc-1 10-01 pro emea | u2 acc-2 09-01 free amer | u2 acc-2 10-15 pro amer
 *   null acc-9 10-01 free apac | u3 acc-3 10-20 free emea
 *   -> u2 keeps its latest signup (10-15, pro); 5 rows = 3 accepted + 2 rejected
 * events of 11-01 (all u1, session s1):
 *   m1 09:00 page_view | m2 09:05 upload_file pages "abc" | m3 09:10 upload_file pages "4"
 *   | m1 09:30 page_view (a repeat of m1)  -> 4 rows = 3 accepted + 1 rejected
 * surveys of 11-01:
 *   r1 09:20 u1 9 UNICODE | r1 09:40 u1 3 (repeat) | r2 10:00 u2 6 BIG
 *   | r3 u3 -1 | r4 u3 11 | r5 u3 null  -> 6 rows = 2 accepted + 4 rejected
 * </pre>
 */
class BadInputCatalogueTest {
  private static final LocalDate MESSY_DAY = LocalDate.parse("2026-11-01");
  private static final LocalDate EMPTY_DAY = LocalDate.parse("2026-11-02");
  private static final LocalDate NO_USER_ID_COLUMN_DAY = LocalDate.parse("2026-11-03");
  private static final LocalDate FUTURE_DAY = LocalDate.parse("2099-01-01");
  private static final LocalDate HEAVY_DAY = LocalDate.parse("2026-11-10");

  /** Text that no error message may repeat: it marks the row values of the failing inputs. */
  private static final String SECRET = "row-value-secret";

  /**
   * Accents, CJK, right-to-left text, a decomposed accent, emoji with a skin tone and a ZWJ
   * family, CR/LF/tab, the line separator U+2028, quotes and backslashes (JSON escapes).
   */
  static final String UNICODE =
      "Grüße aus Zürich – 日本語 שלום e\u0301 😀👍🏽👨‍👩‍👧\nsecond line\r\nthird\tline\u2028"
          + "\"quoted\" back\\slash {\"json\": [1]}";

  /** A comment of more than 100 KB in UTF-8, with an emoji astride Delta's 32-character stats prefix. */
  static final String BIG = "a".repeat(31) + "😀" + "Zeile 😀 ünï 日本\n".repeat(4_500);

  @TempDir static Path shared;
  private static Path input;
  private static Path output;
  private static String progress;

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  @BeforeAll
  static void runTheEmptyDayThenTheMessyDayBeforeIt() {
    input = shared.resolve("in");
    output = shared.resolve("out");
    writeUsers();
    writeMessyDay();
    writeDayWithoutUserIdColumn();
    assertTrue(input.resolve("events/date=" + EMPTY_DAY).toFile().mkdirs());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JobRunner runner = new JobRunner(config(input, output), false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    runner.daily(EMPTY_DAY, false, false);
    runner.daily(MESSY_DAY, false, false);
    progress = bytes.toString(StandardCharsets.UTF_8);
  }

  private static void writeUsers() {
    write(
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("u1", "acc-1", date("2026-10-01"), "pro", "emea")
            .row("u2", "acc-2", date("2026-09-01"), "free", "amer")
            .row("u2", "acc-2", date("2026-10-15"), "pro", "amer")
            .row(null, "acc-9", date("2026-10-01"), "free", "apac")
            .row("u3", "acc-3", date("2026-10-20"), "free", "emea")
            .toDF(),
        input.resolve("users"));
  }

  private static void writeMessyDay() {
    String d = MESSY_DAY.toString();
    write(
        Events.builder()
            .full("m1", d + "T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("m2", d + "T09:05:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "abc"))
            .full("m3", d + "T09:10:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "4"))
            .full("m1", d + "T09:30:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .toDF(),
        input.resolve("events/date=" + d));
    write(
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", ts(d + "T09:20:00Z"), "u1", "acc-1", "relationship", 9, UNICODE, "email")
            .row("r1", ts(d + "T09:40:00Z"), "u1", "acc-1", "relationship", 3, "second answer", "email")
            .row("r2", ts(d + "T10:00:00Z"), "u2", "acc-2", "relationship", 6, BIG, "email")
            .row("r3", ts(d + "T11:00:00Z"), "u3", "acc-3", "relationship", -1, UNICODE, "email")
            .row("r4", ts(d + "T11:05:00Z"), "u3", "acc-3", "relationship", 11, null, "email")
            .row("r5", ts(d + "T11:10:00Z"), "u3", "acc-3", "relationship", null, null, "email")
            .toDF(),
        input.resolve("surveys/date=" + d));
  }

  /** An export without the user_id column; its values all contain {@link #SECRET}. */
  private static void writeDayWithoutUserIdColumn() {
    StructType noUserId =
        new StructType()
            .add(InputSchemas.EVENT_ID, DataTypes.StringType)
            .add(InputSchemas.EVENT_TIME, DataTypes.TimestampType)
            .add(InputSchemas.EVENT_TYPE, DataTypes.StringType);
    write(
        TestFrames.of(noUserId).row(SECRET + "-id", ts(NO_USER_ID_COLUMN_DAY + "T10:00:00Z"), SECRET + "-type").toDF(),
        input.resolve("events/date=" + NO_USER_ID_COLUMN_DAY));
  }

  private static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  private static Map<String, String> settings(Path in, Path out) {
    return Map.of(
        "input.root", in.toString(),
        "output.root", out.toString(),
        "quality.max-rejected-fraction", "1");
  }

  private static LoadedConfig config(Path in, Path out) {
    return ConfigLoader.load(Optional.empty(), settings(in, out), Map.of());
  }

  private static Dataset<Row> table(Path out, Tables table, LocalDate day) {
    return spark()
        .read()
        .format("delta")
        .load(out.resolve(table.tableName()).toString())
        .where(col(table.dateColumn()).equalTo(lit(java.sql.Date.valueOf(day))));
  }

  private static Row jobRun(Path out, LocalDate day) {
    List<Row> runs = table(out, Tables.JOB_RUNS, day).collectAsList();
    assertEquals(1, runs.size(), "one job_runs row for " + day);
    return runs.get(0);
  }

  /** The counts of job_runs: events, surveys, users, each input/accepted/rejected. */
  private static List<Long> counts(Row run) {
    return Stream.of(
            Columns.EVENTS_INPUT, Columns.EVENTS_ACCEPTED, Columns.EVENTS_REJECTED,
            Columns.SURVEYS_INPUT, Columns.SURVEYS_ACCEPTED, Columns.SURVEYS_REJECTED,
            Columns.USERS_INPUT, Columns.USERS_ACCEPTED, Columns.USERS_REJECTED)
        .map(c -> run.<Long>getAs(c))
        .toList();
  }

  private static final StructType REJECTION =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("id", DataTypes.StringType)
          .add("time", DataTypes.StringType);

  /** rejected_records of a day as (source, reason, the row's id, the row's time or signup date). */
  private static Dataset<Row> rejections(LocalDate day) {
    Column record = col(Columns.RECORD);
    return table(output, Tables.REJECTED_RECORDS, day)
        .select(
            col(Columns.SOURCE).as("source"),
            col(Columns.REASON).as("reason"),
            coalesce(
                    get_json_object(record, "$." + InputSchemas.EVENT_ID),
                    get_json_object(record, "$." + InputSchemas.RESPONSE_ID),
                    get_json_object(record, "$." + InputSchemas.USER_ID))
                .as("id"),
            coalesce(
                    get_json_object(record, "$." + InputSchemas.EVENT_TIME),
                    get_json_object(record, "$." + InputSchemas.RESPONSE_TIME),
                    get_json_object(record, "$." + InputSchemas.SIGNUP_DATE))
                .as("time"));
  }

  private static TestFrames userRejections() {
    return TestFrames.of(REJECTION)
        .row("users", "duplicate_id", "u2", "2026-09-01")
        .row("users", "missing_user_id", null, "2026-10-01");
  }

  // ---- days that succeed ----

  @Test
  void anEmptyEventsPartitionIsADayWhereEveryoneIsIdle() {
    Row run = jobRun(output, EMPTY_DAY);
    assertEquals("succeeded", run.getAs(Columns.STATUS));
    // no events, no surveys; the users snapshot: 5 = 3 + 2
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 5L, 3L, 2L), counts(run));
    // every day table was written, user_daily_activity with no row
    Map<String, Long> written = scala.jdk.javaapi.CollectionConverters.asJava(run.<scala.collection.Map<String, Long>>getAs(Columns.ROWS_WRITTEN));
    assertEquals(Tables.dayTables().size(), written.size(), written.toString());
    assertEquals(0L, written.get(Tables.USER_DAILY_ACTIVITY.tableName()));
    assertEquals(0, table(output, Tables.USER_DAILY_ACTIVITY, EMPTY_DAY).count());
    // the 3 valid users are scored, idle: every metric 0 and recency null (never active) -> score 0
    StructType scores =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("plan", DataTypes.StringType)
            .add("score", DataTypes.DoubleType);
    DataFrameAssertions.assertSameRows(
        TestFrames.of(scores).row("u1", "pro", 0.0).row("u2", "pro", 0.0).row("u3", "free", 0.0).toDF(),
        table(output, Tables.USER_ENGAGEMENT, EMPTY_DAY).select("user_id", "plan", "score"));
    DataFrameAssertions.assertSameRows(userRejections().toDF(), rejections(EMPTY_DAY));
  }

  @Test
  void aDayOlderThanTheLastProcessedDaySucceedsAndWarnsThatTheLaterDayIsStale() {
    assertEquals("succeeded", jobRun(output, MESSY_DAY).getAs(Columns.STATUS));
    assertTrue(
        progress.contains(
            "warning: later days already processed are now stale because they depend on 2026-11-01: [2026-11-02];"
                + " rerun them with daily --date 2026-11-01 --cascade, or backfill --from 2026-11-02 --to 2026-11-02"),
        progress);
  }

  @Test
  void badRowsOfEverySourceAreRejectedWithTheirReasonAndCounted() {
    // events 4 = 3 + 1; surveys 6 = 2 + 4; users 5 = 3 + 2
    assertEquals(List.of(4L, 3L, 1L, 6L, 2L, 4L, 5L, 3L, 2L), counts(jobRun(output, MESSY_DAY)));
    DataFrameAssertions.assertSameRows(
        userRejections()
            // the later copy of m1 (09:30), and of r1 (09:40): the earliest is kept
            .row("events", "duplicate_id", "m1", "2026-11-01T09:30:00.000000Z")
            .row("surveys", "duplicate_id", "r1", "2026-11-01T09:40:00.000000Z")
            .row("surveys", "score_out_of_range", "r3", "2026-11-01T11:00:00.000000Z")
            .row("surveys", "score_out_of_range", "r4", "2026-11-01T11:05:00.000000Z")
            .row("surveys", "missing_score", "r5", "2026-11-01T11:10:00.000000Z")
            .toDF(),
        rejections(MESSY_DAY));
  }

  @Test
  void theKeptUserRowGivesTheSegmentsAndEachUserIsScoredOnce() {
    StructType plans = new StructType().add("user_id", DataTypes.StringType).add("plan", DataTypes.StringType);
    // u2's row signed up 10-15 (pro) wins over 09-01 (free)
    DataFrameAssertions.assertSameRows(
        TestFrames.of(plans).row("u1", "pro").row("u2", "pro").row("u3", "free").toDF(),
        table(output, Tables.USER_ENGAGEMENT, MESSY_DAY).select("user_id", "plan"));
  }

  @Test
  void anUnparsableKpiPropertyIsSkippedButItsEventCounts() {
    Row u1 = table(output, Tables.USER_DAILY_ACTIVITY, MESSY_DAY).where("user_id = 'u1'").first();
    // m1 09:00, m2 09:05, m3 09:10 in session s1: 1 visit of 3 events, 600 s
    // (had the repeat of m1 at 09:30 counted: 4 events, 1800 s)
    assertEquals(1L, u1.<Long>getAs(Columns.VISITS));
    assertEquals(3L, u1.<Long>getAs(Columns.EVENTS));
    assertEquals(600.0, u1.<Double>getAs(Columns.DURATION_SECONDS), 1e-9);
    // both upload_file events count; pages_uploaded = sum("abc" -> null, skipped; "4") = 4
    assertEquals(2L, u1.<scala.collection.Map<String, Long>>getAs(Columns.EVENT_COUNTS).apply("upload_file"));
    assertEquals(4.0, u1.<scala.collection.Map<String, Double>>getAs(Columns.KPI_VALUES).apply("pages_uploaded"), 1e-9);
  }

  @Test
  void unicodeAndHundredKilobyteCommentsRoundTripIntact() {
    assertTrue(BIG.getBytes(StandardCharsets.UTF_8).length > 100 * 1024);
    List<Row> responses =
        table(output, Tables.NPS_RESPONSES, MESSY_DAY)
            .orderBy(InputSchemas.RESPONSE_ID)
            .select(InputSchemas.RESPONSE_ID, InputSchemas.SCORE, Columns.CATEGORY, InputSchemas.COMMENT)
            .collectAsList();
    assertEquals(2, responses.size());
    // r1 score 9: promoter; r2 score 6: detractor
    assertEquals(List.of("r1", 9, "promoter"), List.of(responses.get(0).get(0), responses.get(0).get(1), responses.get(0).get(2)));
    assertEquals(List.of("r2", 6, "detractor"), List.of(responses.get(1).get(0), responses.get(1).get(1), responses.get(1).get(2)));
    assertEquals(UNICODE, responses.get(0).getString(3));
    assertEquals(BIG, responses.get(1).getString(3));
    // a rejected row keeps the text too: its JSON record decodes to the same comment
    String rejectedComment =
        table(output, Tables.REJECTED_RECORDS, MESSY_DAY)
            .where(get_json_object(col(Columns.RECORD), "$.response_id").equalTo("r3"))
            .select(get_json_object(col(Columns.RECORD), "$.comment"))
            .first()
            .getString(0);
    assertEquals(UNICODE, rejectedComment);
  }

  // ---- days that fail: through the CLI, exit 1, one line, no row values, day tables untouched ----

  private record CliResult(int code, String err) {}

  /** {@code daily --date day} through the real CLI and job runner, with this class's settings. */
  private static CliResult daily(LocalDate day) {
    StringWriter err = new StringWriter();
    Stream<String> sets =
        settings(input, output).entrySet().stream().flatMap(e -> Stream.of("--set", e.getKey() + "=" + e.getValue()));
    String[] args = Stream.concat(Stream.of("daily", "--date", day.toString()), sets).toArray(String[]::new);
    int code = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), new Properties()).execute(args);
    return new CliResult(code, err.toString());
  }

  /** The commits of every day table so far: a failed day must add none. */
  private static Map<Tables, Long> dayTableCommits() {
    Map<Tables, Long> commits = new EnumMap<>(Tables.class);
    for (Tables table : Tables.dayTables()) {
      try (Stream<Path> log = Files.list(output.resolve(table.tableName()).resolve("_delta_log"))) {
        commits.put(table, log.filter(p -> p.getFileName().toString().endsWith(".json")).count());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return commits;
  }

  /**
   * Runs the day through the CLI: exit 1 and one line, with no stack trace and no row value; no
   * day table gets a commit. Returns the message.
   */
  private static String assertRunFailsCleanly(LocalDate day) {
    Map<Tables, Long> before = dayTableCommits();
    CliResult result = daily(day);
    assertEquals(1, result.code(), result.err());
    List<String> lines = result.err().lines().toList();
    assertEquals(1, lines.size(), result.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: "), line);
    assertFalse(line.contains("\tat "), line);
    assertFalse(line.contains(SECRET), "a row value in: " + line);
    assertEquals(before, dayTableCommits(), "a day table was written");
    return line.substring("error: ".length());
  }

  /** The failed run is recorded in job_runs with the message the CLI printed. */
  private static void assertRecordedFailure(LocalDate day, String message) {
    Row run = jobRun(output, day);
    assertEquals("failed", run.getAs(Columns.STATUS));
    assertEquals(1, (int) run.getAs(Columns.EXIT_CODE));
    assertEquals(message, run.getAs(Columns.ERROR_MESSAGE));
  }

  @Test
  void aMissingRequiredColumnStopsTheDayNamingTableColumnAndFile() {
    String message = assertRunFailsCleanly(NO_USER_ID_COLUMN_DAY);
    assertTrue(
        message.startsWith("input schema: events column user_id (expected string) is missing in ")
            && message.contains("events/date=2026-11-03/part-")
            && message.endsWith(".parquet: fix the upstream export"),
        message);
    assertRecordedFailure(NO_USER_ID_COLUMN_DAY, message);
  }

  @Test
  void aDateFarInTheFutureIsMissingInputNotAGap() {
    String message = assertRunFailsCleanly(FUTURE_DAY);
    assertEquals(
        "events for 2099-01-01 not found at " + input.resolve("events/date=2099-01-01")
            + ": check engagement.input.root or the upstream export",
        message);
    assertRecordedFailure(FUTURE_DAY, message);
  }

  // ---- one user, a million events ----

  /**
   * The steps of a day without the writes (whose cost does not depend on the input size): the
   * validation and every table computed from a million events of one user, in the test JVM's 2 GB.
   */
  @Test
  void oneUserWithAMillionEventsInADayFinishes() {
    EngagementConfig config = TestConfigs.defaults();
    // event i at 00:00 + i * 86,400 us: 1,000,000 events spread over the day, 86.4 ms apart
    long dayStartMicros = HEAVY_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    Column id = col("id");
    Dataset<Row> events =
        spark()
            .range(1_000_000)
            .select(
                concat(lit("h-"), id.cast("string")).as(InputSchemas.EVENT_ID),
                timestamp_micros(id.multiply(86_400L).plus(dayStartMicros)).as(InputSchemas.EVENT_TIME),
                lit("heavy").as(InputSchemas.USER_ID),
                lit("acc-h").as(InputSchemas.ACCOUNT_ID),
                lit(null).cast("string").as(InputSchemas.SESSION_ID),
                lit("page_view").as(InputSchemas.EVENT_TYPE),
                lit(null).cast("string").as(InputSchemas.EVENT_NAME),
                when(id.mod(2).equalTo(0), "dashboard").otherwise("reports").as(InputSchemas.FEATURE),
                lit("web").as(InputSchemas.CHANNEL),
                lit(null).cast("double").as(InputSchemas.AMOUNT),
                lit(null).cast("map<string,string>").as(InputSchemas.PROPERTIES));
    RawDay raw =
        new RawDay(
            HEAVY_DAY,
            events,
            spark().createDataFrame(List.of(), InputSchemas.SURVEYS_SCHEMA),
            spark().createDataFrame(List.of(), InputSchemas.usersSchema(config.segments())));
    // as the job runner does: the validated input computed once, counted, then the tables
    ValidatedDay validated = DailyPipeline.validate(raw, config).checkpointed();
    DayOutputs outputs = null;
    try {
      assertEquals(
          new SourceCounts(InputSchemas.EVENTS, 1_000_000, 1_000_000, 0),
          validated.events().counts());
      outputs = DailyPipeline.compute(validated, DayHistory.none(), config);
      List<Row> activity = outputs.table(Tables.USER_DAILY_ACTIVITY).collectAsList();
      assertEquals(1, activity.size());
      Row heavyUser = activity.get(0);
      // every gap is 86.4 ms < 30 min: one visit from event 0 to event 999,999,
      // 999,999 * 86,400 us = 86,399,913,600 us = 86,399.9136 s
      assertEquals(1L, heavyUser.<Long>getAs(Columns.VISITS));
      assertEquals(1_000_000L, heavyUser.<Long>getAs(Columns.EVENTS));
      assertEquals(86_399.9136, heavyUser.<Double>getAs(Columns.DURATION_SECONDS), 1e-6);
      assertEquals(List.of("dashboard", "reports"), heavyUser.getList(heavyUser.fieldIndex(Columns.FEATURES_USED)));
      // every other table is computed too: one scored user, one account
      assertEquals(1, outputs.table(Tables.USER_ENGAGEMENT).count());
      assertEquals(1, outputs.table(Tables.ACCOUNT_ENGAGEMENT).count());
      for (Tables table : Tables.dayTables()) {
        if (table != Tables.REJECTED_RECORDS) {
          outputs.table(table).count();
        }
      }
    } finally {
      if (outputs != null) {
        outputs.release();
      }
      validated.release();
    }
  }
}
