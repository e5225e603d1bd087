package io.engagement.input;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.output.Columns;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The row rules of contract.md. Every row carries a label in a column no rule reads (events:
 * event_name, surveys: comment, users: plan), so expectations read as "label -> reason".
 */
class RecordValidatorTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final StructType USERS = InputSchemas.usersSchema(List.of("plan"));
  private static final StructType LABELLED =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("label", DataTypes.StringType);
  private static final StructType LABELS = new StructType().add("label", DataTypes.StringType);

  /** An event: id, time (ISO instant or null), user, type; label in event_name. */
  private static Object[] event(String label, String id, String time, String user, String type) {
    return new Object[] {
      id, time == null ? null : ts(time), user, null, null, type, label, null, null, null, null
    };
  }

  private static Object[] response(String label, String id, String time, String user, Integer score) {
    return new Object[] {id, time == null ? null : ts(time), user, null, "nps", score, label, null};
  }

  private static Object[] user(String label, String id, String account, String signup) {
    return new Object[] {id, account, signup == null ? null : date(signup), label};
  }

  private static Dataset<Row> events(Object[]... rows) {
    TestFrames frames = TestFrames.of(InputSchemas.EVENTS_SCHEMA);
    for (Object[] r : rows) {
      frames.row(r);
    }
    return frames.toDF();
  }

  private static Dataset<Row> surveys(Object[]... rows) {
    TestFrames frames = TestFrames.of(InputSchemas.SURVEYS_SCHEMA);
    for (Object[] r : rows) {
      frames.row(r);
    }
    return frames.toDF();
  }

  private static Dataset<Row> users(Object[]... rows) {
    TestFrames frames = TestFrames.of(USERS);
    for (Object[] r : rows) {
      frames.row(r);
    }
    return frames.toDF();
  }

  private static Dataset<Row> labelsOf(Dataset<Row> accepted, String labelColumn) {
    return accepted.select(col(labelColumn).as("label"));
  }

  private static Dataset<Row> rejectedLabels(Validated v, String labelColumn) {
    return v.rejected()
        .select(
            col(Columns.SOURCE),
            col(Columns.REASON),
            get_json_object(col(Columns.RECORD), "$." + labelColumn).as("label"));
  }

  private static Dataset<Row> labels(String... labels) {
    TestFrames frames = TestFrames.of(LABELS);
    for (String l : labels) {
      frames.row(l);
    }
    return frames.toDF();
  }

  private static TestFrames rejections() {
    return TestFrames.of(LABELLED);
  }

  @Test
  void eventsGetTheFirstReasonThatApplies() {
    Validated v =
        RecordValidator.validateEvents(
            events(
                event("ok", "e1", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("first-instant", "e2", "2026-11-03T00:00:00Z", "u1", "page_view"),
                event("last-instant", "e3", "2026-11-03T23:59:59.999999Z", "u1", "page_view"),
                // null id AND outside the day: rule 1 comes first
                event("no-id", null, "2026-11-05T10:00:00Z", "u1", "page_view"),
                event("no-time", "e5", null, "u1", "page_view"),
                // null user_id and null event_type: user_id comes first in the table
                event("no-user-no-type", "e6", "2026-11-03T10:00:00Z", null, null),
                event("no-type", "e7", "2026-11-03T10:00:00Z", "u1", null),
                event("next-day", "e8", "2026-11-04T00:00:00Z", "u1", "page_view"),
                event("day-before", "e9", "2026-11-02T23:59:59.999999Z", "u1", "page_view")),
            DAY,
            UTC);
    DataFrameAssertions.assertSameRows(
        labels("ok", "first-instant", "last-instant"), labelsOf(v.accepted(), "event_name"));
    DataFrameAssertions.assertSameRows(
        rejections()
            .row("events", "missing_event_id", "no-id")
            .row("events", "missing_event_time", "no-time")
            .row("events", "missing_user_id", "no-user-no-type")
            .row("events", "missing_event_type", "no-type")
            .row("events", "outside_partition_day", "next-day")
            .row("events", "outside_partition_day", "day-before")
            .toDF(),
        rejectedLabels(v, "event_name"));
  }

  @Test
  void acceptedRowsKeepTheInputSchemaAndRejectedRowsTheirOwn() {
    Validated v =
        RecordValidator.validateEvents(
            events(event("ok", "e1", "2026-11-03T10:00:00Z", "u1", "page_view")), DAY, UTC);
    assertEquals(InputSchemas.EVENTS_SCHEMA.catalogString(), v.accepted().schema().catalogString());
    assertEquals(List.of("source", "reason", "record"), List.of(v.rejected().columns()));
  }

  /**
   * Repeated ids are matched by value up to a limit, beyond it every row is ranked by a window:
   * both paths must mark the same rows (3 ids repeat here; a limit of 2 takes the window).
   */
  @Test
  void manyRepeatedIdsAreRankedLikeAFew() {
    Dataset<Row> tagged =
        events(
                event("a-late", "a", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("a-early", "a", "2026-11-03T09:00:00Z", "u1", "page_view"),
                event("b-2", "b", "2026-11-03T12:00:00Z", "u2", "page_view"),
                event("b-1", "b", "2026-11-03T11:00:00Z", "u2", "page_view"),
                event("c-1", "c", "2026-11-03T08:00:00Z", "u3", "page_view"),
                event("c-2", "c", "2026-11-03T08:30:00Z", "u3", "page_view"),
                event("unique", "d", "2026-11-03T08:00:00Z", "u3", "page_view"))
            .withColumn(Validated.REASON_COLUMN, org.apache.spark.sql.functions.lit(null).cast("string"));
    org.apache.spark.sql.Column byTime = col(InputSchemas.EVENT_TIME).asc();
    Validated byValue = RecordValidator.markDuplicates("events", tagged, InputSchemas.EVENT_ID, 3, byTime);
    Validated byWindow = RecordValidator.markDuplicates("events", tagged, InputSchemas.EVENT_ID, 2, byTime);
    // the later copy of each of a, b, c is a duplicate; "unique" and the first copies are kept
    Dataset<Row> expected =
        TestFrames.of(new StructType().add("label", DataTypes.StringType).add("reason", DataTypes.StringType))
            .row("a-late", "duplicate_id").row("a-early", null)
            .row("b-2", "duplicate_id").row("b-1", null)
            .row("c-2", "duplicate_id").row("c-1", null)
            .row("unique", null)
            .toDF();
    DataFrameAssertions.assertSameRows(
        expected, byValue.tagged().select(col("event_name").as("label"), col(Validated.REASON_COLUMN).as("reason")));
    DataFrameAssertions.assertSameRows(
        expected, byWindow.tagged().select(col("event_name").as("label"), col(Validated.REASON_COLUMN).as("reason")));
    // 7 rows = 4 accepted (a-early, b-1, c-1, unique) + 3 duplicates, whichever path counted them
    assertEquals(new SourceCounts("events", 7, 4, 3), byValue.counts());
    assertEquals(new SourceCounts("events", 7, 4, 3), byWindow.counts());
  }

  @Test
  void theEarliestCopyOfAnEventIdIsKept() {
    Validated v =
        RecordValidator.validateEvents(
            events(
                event("d1-late", "d1", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("d1-early", "d1", "2026-11-03T09:00:00Z", "u1", "page_view"),
                // same id and time: JSON {"event_id":"d2",...,"user_id":"u1"...} < {... "u2" ...}
                event("d2-u2", "d2", "2026-11-03T10:00:00Z", "u2", "page_view"),
                event("d2-u1", "d2", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("d3-10", "d3", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("d3-12", "d3", "2026-11-03T12:00:00Z", "u1", "page_view"),
                event("d3-11", "d3", "2026-11-03T11:00:00Z", "u1", "page_view"),
                // earlier copies that were rejected for another reason do not count
                event("d4-outside", "d4", "2026-11-02T10:00:00Z", "u1", "page_view"),
                event("d4-no-type", "d4", "2026-11-03T08:00:00Z", "u1", null),
                event("d4-valid", "d4", "2026-11-03T10:00:00Z", "u1", "page_view")),
            DAY,
            UTC);
    DataFrameAssertions.assertSameRows(
        labels("d1-early", "d2-u1", "d3-10", "d4-valid"), labelsOf(v.accepted(), "event_name"));
    DataFrameAssertions.assertSameRows(
        rejections()
            .row("events", "duplicate_id", "d1-late")
            .row("events", "duplicate_id", "d2-u2")
            .row("events", "duplicate_id", "d3-11")
            .row("events", "duplicate_id", "d3-12")
            .row("events", "outside_partition_day", "d4-outside")
            .row("events", "missing_event_type", "d4-no-type")
            .toDF(),
        rejectedLabels(v, "event_name"));
  }

  @Test
  void theDayOfANewYorkAutumnDstChangeLasts25Hours() {
    // 2026-11-01 in New York: 00:00 EDT = 04:00Z .. next midnight EST = 2026-11-02T05:00Z
    LocalDate fallBack = LocalDate.parse("2026-11-01");
    Validated v =
        RecordValidator.validateEvents(
            events(
                event("23:59:59 EDT the day before", "a", "2026-11-01T03:59:59Z", "u", "t"),
                event("00:00 EDT", "b", "2026-11-01T04:00:00Z", "u", "t"),
                event("01:30 EDT", "c", "2026-11-01T05:30:00Z", "u", "t"),
                event("01:30 EST (the repeated hour)", "d", "2026-11-01T06:30:00Z", "u", "t"),
                event("23:59:59 EST", "e", "2026-11-02T04:59:59Z", "u", "t"),
                event("00:00 EST the next day", "f", "2026-11-02T05:00:00Z", "u", "t")),
            fallBack,
            NEW_YORK);
    DataFrameAssertions.assertSameRows(
        labels("00:00 EDT", "01:30 EDT", "01:30 EST (the repeated hour)", "23:59:59 EST"),
        labelsOf(v.accepted(), "event_name"));
  }

  @Test
  void theDayOfANewYorkSpringDstChangeLasts23Hours() {
    // 2026-03-08 in New York: 00:00 EST = 05:00Z .. next midnight EDT = 2026-03-09T04:00Z
    LocalDate springForward = LocalDate.parse("2026-03-08");
    Validated v =
        RecordValidator.validateEvents(
            events(
                event("23:59:59 EST the day before", "a", "2026-03-08T04:59:59Z", "u", "t"),
                event("00:00 EST", "b", "2026-03-08T05:00:00Z", "u", "t"),
                event("23:59:59 EDT", "c", "2026-03-09T03:59:59Z", "u", "t"),
                event("00:00 EDT the next day", "d", "2026-03-09T04:00:00Z", "u", "t")),
            springForward,
            NEW_YORK);
    DataFrameAssertions.assertSameRows(
        labels("00:00 EST", "23:59:59 EDT"), labelsOf(v.accepted(), "event_name"));
  }

  @Test
  void theSessionTimeZoneChangesNeitherTheDayNorTheRecordText() {
    var spark = SparkTestSession.get();
    String before = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
    try {
      Validated v =
          RecordValidator.validateEvents(
              events(
                  // 2026-11-03 in UTC, already 2026-11-04 in Tokyo
                  event("late", "e1", "2026-11-03T20:00:00Z", "u1", "page_view"),
                  event("next-day", "e2", "2026-11-04T01:00:00Z", "u1", "page_view")),
              DAY,
              UTC);
      DataFrameAssertions.assertSameRows(labels("late"), labelsOf(v.accepted(), "event_name"));
      assertEquals(
          "2026-11-04T01:00:00.000000Z",
          v.rejected().select(get_json_object(col("record"), "$.event_time")).first().getString(0));
    } finally {
      spark.conf().set("spark.sql.session.timeZone", before);
    }
  }

  @Test
  void surveysGetTheFirstReasonThatApplies() {
    Validated v =
        RecordValidator.validateSurveys(
            surveys(
                response("ten", "s1", "2026-11-03T10:00:00Z", "u1", 10),
                response("zero", "s2", "2026-11-03T10:00:00Z", "u1", 0),
                response("eleven", "s3", "2026-11-03T10:00:00Z", "u1", 11),
                response("minus-one", "s4", "2026-11-03T10:00:00Z", "u1", -1),
                response("no-score", "s5", "2026-11-03T10:00:00Z", "u1", null),
                // score 11 outside the day: rule 2 comes before rule 3
                response("eleven-next-day", "s6", "2026-11-04T10:00:00Z", "u1", 11),
                // null id and null score: response_id comes first
                response("no-id-no-score", null, "2026-11-03T10:00:00Z", "u1", null),
                response("no-time", "s8", null, "u1", 5),
                response("no-user", "s9", "2026-11-03T10:00:00Z", null, 5)),
            DAY,
            UTC);
    DataFrameAssertions.assertSameRows(labels("ten", "zero"), labelsOf(v.accepted(), "comment"));
    DataFrameAssertions.assertSameRows(
        rejections()
            .row("surveys", "score_out_of_range", "eleven")
            .row("surveys", "score_out_of_range", "minus-one")
            .row("surveys", "missing_score", "no-score")
            .row("surveys", "outside_partition_day", "eleven-next-day")
            .row("surveys", "missing_response_id", "no-id-no-score")
            .row("surveys", "missing_response_time", "no-time")
            .row("surveys", "missing_user_id", "no-user")
            .toDF(),
        rejectedLabels(v, "comment"));
  }

  @Test
  void theRejectedRecordIsTheOriginalRowAsJson() {
    Validated v =
        RecordValidator.validateSurveys(
            surveys(response("too high", "s3", "2026-11-03T12:00:00.000001Z", "u1", 11)), DAY, UTC);
    Row rejected = v.rejected().first();
    assertEquals("surveys", rejected.getString(0));
    assertEquals("score_out_of_range", rejected.getString(1));
    // input column order, nulls written, the instant in UTC to the microsecond
    assertEquals(
        "{\"response_id\":\"s3\",\"response_time\":\"2026-11-03T12:00:00.000001Z\",\"user_id\":\"u1\","
            + "\"account_id\":null,\"survey\":\"nps\",\"score\":11,\"comment\":\"too high\",\"channel\":null}",
        rejected.getString(2));
  }

  @Test
  void theEarliestResponseOfAnIdIsKept() {
    Validated v =
        RecordValidator.validateSurveys(
            surveys(
                response("r1-late", "r1", "2026-11-03T10:00:00Z", "u1", 5),
                response("r1-early", "r1", "2026-11-03T09:00:00Z", "u1", 7),
                // the earlier copy is out of range, so the later one is not a duplicate
                response("r2-bad", "r2", "2026-11-03T09:00:00Z", "u1", 11),
                response("r2-good", "r2", "2026-11-03T10:00:00Z", "u1", 5),
                // same time: {"...,"score":3,...} < {"...,"score":8,...}
                response("r3-eight", "r3", "2026-11-03T10:00:00Z", "u1", 8),
                response("r3-three", "r3", "2026-11-03T10:00:00Z", "u1", 3)),
            DAY,
            UTC);
    DataFrameAssertions.assertSameRows(
        labels("r1-early", "r2-good", "r3-three"), labelsOf(v.accepted(), "comment"));
    DataFrameAssertions.assertSameRows(
        rejections()
            .row("surveys", "duplicate_id", "r1-late")
            .row("surveys", "score_out_of_range", "r2-bad")
            .row("surveys", "duplicate_id", "r3-eight")
            .toDF(),
        rejectedLabels(v, "comment"));
  }

  @Test
  void aRepeatedUserKeepsItsLatestSignupThenSmallestAccount() {
    Validated v =
        RecordValidator.validateUsers(
            users(
                user("no-id-1", null, "a1", "2026-01-01"),
                user("no-id-2", null, "a1", "2026-01-01"),
                user("u1-january", "u1", "a1", "2026-01-01"),
                user("u1-february", "u1", "a1", "2026-02-01"),
                // null signup is the oldest
                user("u2-null", "u2", "a1", null),
                user("u2-january", "u2", "a1", "2026-01-01"),
                // same signup: smallest account
                user("u3-acc2", "u3", "acc2", "2026-01-01"),
                user("u3-acc1", "u3", "acc1", "2026-01-01"),
                // null account is last
                user("u4-null-account", "u4", null, "2026-01-01"),
                user("u4-acc9", "u4", "acc9", "2026-01-01"),
                // both null signups: acc1 before a null account
                user("u5-null-account", "u5", null, null),
                user("u5-acc1", "u5", "acc1", null),
                // all equal but the plan: {..."plan":"basic"} < {..."plan":"pro"}
                user("pro", "u6", "acc1", "2026-01-01"),
                user("basic", "u6", "acc1", "2026-01-01"),
                user("single", "u7", null, null)));
    DataFrameAssertions.assertSameRows(
        labels("u1-february", "u2-january", "u3-acc1", "u4-acc9", "u5-acc1", "basic", "single"),
        labelsOf(v.accepted(), "plan"));
    DataFrameAssertions.assertSameRows(
        rejections()
            .row("users", "missing_user_id", "no-id-1")
            .row("users", "missing_user_id", "no-id-2")
            .row("users", "duplicate_id", "u1-january")
            .row("users", "duplicate_id", "u2-null")
            .row("users", "duplicate_id", "u3-acc2")
            .row("users", "duplicate_id", "u4-null-account")
            .row("users", "duplicate_id", "u5-null-account")
            .row("users", "duplicate_id", "pro")
            .toDF(),
        rejectedLabels(v, "plan"));
    assertEquals(USERS.catalogString(), v.accepted().schema().catalogString());
  }

  @Test
  void validationCountsEverySource() {
    Validated events =
        RecordValidator.validateEvents(
            events(
                event("ok1", "e1", "2026-11-03T10:00:00Z", "u1", "page_view"),
                event("ok2", "e2", "2026-11-03T11:00:00Z", "u1", "page_view"),
                event("dup", "e2", "2026-11-03T12:00:00Z", "u1", "page_view"),
                event("ok3", "e3", "2026-11-03T13:00:00Z", "u1", "page_view"),
                event("outside", "e4", "2026-11-04T10:00:00Z", "u1", "page_view"),
                // a repeated id whose other copy rules 1-3 rejected: not a duplicate
                event("e3-no-user", "e3", "2026-11-03T09:00:00Z", null, "page_view")),
            DAY,
            UTC);
    Validated surveys = RecordValidator.validateSurveys(surveys(), DAY, UTC);
    Validated users =
        RecordValidator.validateUsers(
            users(user("a", "u1", null, null), user("b", "u2", null, null), user("c", null, null, null)));
    // events: 6 in = 3 accepted (e1, e2 at 11:00, e3 at 13:00) + 3 rejected (dup, outside,
    // e3-no-user); surveys: none; users: 3 in = 2 accepted + 1 rejected (null user_id)
    assertEquals(new SourceCounts("events", 6, 3, 3), events.counts());
    assertEquals(new SourceCounts("surveys", 0, 0, 0), surveys.counts());
    assertEquals(new SourceCounts("users", 3, 2, 1), users.counts());
    // the same as counting the frames the pipeline goes on with
    assertEquals(3, events.accepted().count());
    assertEquals(3, events.rejected().count());
    assertEquals(2, users.accepted().count());
    assertEquals(1, users.rejected().count());
  }

  /**
   * The census groups rows by id key: null for rows rules 1-3 rejected, then classes. Here keys
   * 1, 1, 2, 2, 3, 3, 3, 4 and two nulls: 10 rows, 2 rejected; 1, 2 and 3 repeat, 4 does not.
   */
  @Test
  void theCensusCountsRowsAndFindsRepeatedIds() {
    StructType schema = new StructType().add("key", DataTypes.LongType);
    Dataset<Row> keys =
        TestFrames.of(schema)
            .row(1L).row(1L).row(2L).row(2L).row(3L).row(3L).row(3L).row(4L)
            .row((Object) null).row((Object) null)
            .toDF();
    IdCensus census = IdCensus.take(keys, col("key"));
    assertEquals(10, census.rows());
    assertEquals(2, census.rejectedByRules());
    assertEquals(3, census.repeatedIds());
    assertEquals(
        List.of(1L, 2L, 3L),
        census.repeatedIdKeys().collectAsList().stream().map(r -> r.getLong(0)).sorted().toList());
    // 3's three rows: 2 duplicates -> 10 in = 2 + 2 rejected, 6 accepted
    assertEquals(new SourceCounts("x", 10, 6, 4), census.counts("x", 2));
    census.release();

    IdCensus none = IdCensus.take(keys.where("false"), col("key"));
    assertEquals(List.of(0L, 0L, 0L), List.of(none.rows(), none.rejectedByRules(), none.repeatedIds()));
  }

  /**
   * One task's keys, in any order: two nulls, then 3 1 4 3 2 1 3 5 -> sorted 1 1 2 3 3 3 4 5.
   * Repeated: 1 (2 copies), 3 (3); seen once: 2, 4, 5 (3 rows); rejected: the 2 nulls. They reach
   * the counting task packed in chunks, here of two buckets (odd and even keys), all of which it
   * counts together. An empty task gives no row.
   */
  @Test
  void keyCountsCountEachTasksKeys() {
    List<Long> keys = java.util.Arrays.asList(null, 3L, 1L, null, 4L, 3L, 2L, 1L, 3L, 5L);
    List<Row> chunks = new java.util.ArrayList<>();
    new IdCensus.KeyChunks(2).call(keys.iterator()).forEachRemaining(chunks::add);
    List<String> counts = new java.util.ArrayList<>();
    new IdCensus.KeyCounts().call(chunks.iterator()).forEachRemaining(r -> counts.add(r.toString()));
    assertEquals(List.of("[false,1,2]", "[false,3,3]", "[false,null,3]", "[true,null,2]"), counts);
    assertEquals(false, new IdCensus.KeyCounts().call(java.util.Collections.emptyIterator()).hasNext());
  }

  /**
   * Bucket 0 of 3 gets 2 full chunks and 5 keys more (the multiples of 3), bucket 1 one key (1),
   * bucket 2 none; 4 null keys. Chunks in order: the two full ones as they fill, then the rest
   * (bucket 0's 5 keys, bucket 1's 1 key), then the null count.
   */
  @Test
  void keyChunksPackEachBucketsKeysAsTheyCome() {
    int full = IdCensus.KeyChunks.CHUNK_KEYS;
    List<Long> keys = new java.util.ArrayList<>();
    for (long i = 0; i < 2L * full + 5; i++) {
      keys.add(3 * i);
    }
    keys.add(1L);
    for (int i = 0; i < 4; i++) {
      keys.add(null);
    }
    List<String> shapes = new java.util.ArrayList<>();
    long[] lastKeys = new long[1];
    new IdCensus.KeyChunks(3)
        .call(keys.iterator())
        .forEachRemaining(
            r -> {
              int n = r.isNullAt(1) ? -1 : ((byte[]) r.get(1)).length / 8;
              if (n > 0) {
                java.nio.LongBuffer b = java.nio.ByteBuffer.wrap((byte[]) r.get(1)).asLongBuffer();
                lastKeys[0] = b.get(n - 1);
              }
              shapes.add(r.getInt(0) + ":" + n + ":" + r.getLong(2) + ":" + (n > 0 ? lastKeys[0] : -1));
            });
    // Last keys: 3 * (full - 1), 3 * (2 * full - 1), 3 * (2 * full + 4), 1.
    assertEquals(
        List.of(
            "0:" + full + ":0:" + 3L * (full - 1),
            "0:" + full + ":0:" + 3L * (2 * full - 1),
            "0:5:0:" + 3L * (2 * full + 4),
            "1:1:0:1",
            "0:-1:4:-1"),
        shapes);
  }
}
