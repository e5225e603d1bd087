package io.engagement.input;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.map;
import static io.engagement.testing.TestFrames.ts;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one day from Parquet files written into a temporary input root. */
class DayInputReaderTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static final List<String> SEGMENTS = List.of("plan");
  private static final StructType REQUIRED_EVENT_COLUMNS =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType)
          .add("user_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType);

  @TempDir Path root;

  private DayInputReader reader() {
    return new DayInputReader(SparkTestSession.get(), root.toString());
  }

  private void write(Dataset<Row> frame, String folder) {
    frame.coalesce(1).write().mode("append").parquet(root.resolve(folder).toString());
  }

  private void writeOneEvent(String folder) {
    write(TestFrames.of(REQUIRED_EVENT_COLUMNS).row("e1", ts("2026-11-03T10:00:00Z"), "u1", "page_view").toDF(), folder);
  }

  private static Path onlyDataFile(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  private EngagementException readFails() {
    EngagementException e = assertThrows(EngagementException.class, () -> reader().read(DAY, SEGMENTS));
    assertEquals(ExitCode.RUN_FAILED, e.exitCode());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  /** Error messages never print rows: the values of the failing inputs all contain this. */
  private static final String SECRET = "row-value-secret";

  private static void assertNoRowValue(String message) {
    assertFalse(message.contains(SECRET), "a row value in: " + message);
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' not in: " + message);
    }
  }

  @Test
  void conformsFilesToTheInputSchemas() {
    // one export with an int amount, an extra column and no optional string columns;
    // another with a double amount and properties
    StructType older =
        REQUIRED_EVENT_COLUMNS.add("amount", DataTypes.IntegerType).add("extra", DataTypes.StringType);
    write(
        TestFrames.of(older).row("e1", ts("2026-11-03T10:00:00Z"), "u1", "purchase", 5, "x").toDF(),
        "events/date=2026-11-03");
    StructType newer =
        REQUIRED_EVENT_COLUMNS
            .add("amount", DataTypes.DoubleType)
            .add("properties", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    write(
        TestFrames.of(newer).row("e2", ts("2026-11-03T11:00:00Z"), "u2", "purchase", 2.5, map("k", "v")).toDF(),
        "events/date=2026-11-03");
    // another day's partition is not read
    writeOneEvent("events/date=2026-11-02");

    RawDay day = reader().read(DAY, SEGMENTS);

    assertEquals(DAY, day.day());
    assertEquals(InputSchemas.EVENTS_SCHEMA.catalogString(), day.events().schema().catalogString());
    DataFrameAssertions.assertSameRows(
        TestFrames.of(InputSchemas.EVENTS_SCHEMA)
            // int 5 read as 5.0; absent columns null
            .row("e1", ts("2026-11-03T10:00:00Z"), "u1", null, null, "purchase", null, null, null, 5.0, null)
            .row("e2", ts("2026-11-03T11:00:00Z"), "u2", null, null, "purchase", null, null, null, 2.5, map("k", "v"))
            .toDF(),
        day.events());
  }

  @Test
  void aMissingEventsPartitionFailsTheRunNamingThePath() {
    EngagementException e = readFails();
    assertContains(
        e.getMessage(),
        "events for 2026-11-03 not found at",
        root.resolve("events/date=2026-11-03").toString(),
        "engagement.input.root");
  }

  @Test
  void anEmptyPartitionIsADayWithoutEvents() throws IOException {
    Files.createDirectories(root.resolve("events/date=2026-11-03"));
    RawDay day = reader().read(DAY, SEGMENTS);
    assertEquals(0, day.events().count());
    assertEquals(InputSchemas.EVENTS_SCHEMA.catalogString(), day.events().schema().catalogString());
  }

  @Test
  void aFileWithZeroRowsIsADayWithoutEvents() {
    write(TestFrames.of(InputSchemas.EVENTS_SCHEMA).toDF(), "events/date=2026-11-03");
    assertEquals(0, reader().read(DAY, SEGMENTS).events().count());
  }

  @Test
  void aMissingRequiredColumnNamesTableColumnTypeAndFile() throws IOException {
    StructType noUser =
        new StructType()
            .add("event_id", DataTypes.StringType)
            .add("event_time", DataTypes.TimestampType)
            .add("event_type", DataTypes.StringType);
    write(TestFrames.of(noUser).row("e1", ts("2026-11-03T10:00:00Z"), "page_view").toDF(), "events/date=2026-11-03");
    Path file = onlyDataFile(root.resolve("events/date=2026-11-03"));
    EngagementException e = readFails();
    assertContains(e.getMessage(), "events", "user_id", "string", "missing", file.getFileName().toString());
  }

  @Test
  void aColumnOfTheWrongTypeNamesBothTypesAndTheFile() throws IOException {
    StructType stringTime =
        new StructType()
            .add("event_id", DataTypes.StringType)
            .add("event_time", DataTypes.StringType)
            .add("user_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType);
    write(
        TestFrames.of(stringTime).row(SECRET + "-id", SECRET + "-time", SECRET + "-user", SECRET + "-type").toDF(),
        "events/date=2026-11-03");
    Path file = onlyDataFile(root.resolve("events/date=2026-11-03"));
    EngagementException e = readFails();
    assertContains(
        e.getMessage(), "events", "event_time", "has type string", "expected timestamp", file.getFileName().toString());
    assertNoRowValue(e.getMessage());
  }

  @Test
  void aTimestampWithoutTimeZoneIsRefused() {
    // a local date-time says nothing about the instant: guessing its zone would move events between days
    write(
        TestFrames.of(REQUIRED_EVENT_COLUMNS)
            .row("e1", ts("2026-11-03T10:00:00Z"), "u1", "page_view")
            .toDF()
            .withColumn("event_time", col("event_time").cast("timestamp_ntz")),
        "events/date=2026-11-03");
    assertContains(readFails().getMessage(), "event_time", "timestamp_ntz", "expected timestamp");
  }

  @Test
  void aCorruptFileFailsTheRunNamingIt() throws IOException {
    writeOneEvent("events/date=2026-11-03");
    Path bad = root.resolve("events/date=2026-11-03/part-99999-truncated.parquet");
    Files.write(bad, "not parquet at all".getBytes(StandardCharsets.UTF_8));
    assertContains(readFails().getMessage(), "events", bad.toString(), "not a readable Parquet file");
  }

  @Test
  void aTruncatedFileFailsTheRunNamingItButNoneOfItsValues() throws IOException {
    write(
        TestFrames.of(REQUIRED_EVENT_COLUMNS)
            .row(SECRET + "-id", ts("2026-11-03T10:00:00Z"), SECRET + "-user", SECRET + "-type")
            .toDF(),
        "events/date=2026-11-03");
    Path file = onlyDataFile(root.resolve("events/date=2026-11-03"));
    // an upload cut short: the second half, footer included, is lost, and no checksum file tells
    Files.delete(file.resolveSibling("." + file.getFileName() + ".crc"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
    String message = readFails().getMessage();
    assertContains(message, "events file ", file.toString(), "is not a readable Parquet file", "replace or remove it upstream");
    assertNoRowValue(message);
  }

  @Test
  void absentSurveysAreADayWithoutResponses() {
    writeOneEvent("events/date=2026-11-03");
    RawDay day = reader().read(DAY, SEGMENTS);
    assertEquals(0, day.surveys().count());
    assertEquals(InputSchemas.SURVEYS_SCHEMA.catalogString(), day.surveys().schema().catalogString());
  }

  @Test
  void surveysWithALongScoreAreReadAsInt() {
    writeOneEvent("events/date=2026-11-03");
    StructType longScore =
        new StructType()
            .add("response_id", DataTypes.StringType)
            .add("response_time", DataTypes.TimestampType)
            .add("user_id", DataTypes.StringType)
            .add("score", DataTypes.LongType);
    write(
        TestFrames.of(longScore).row("r1", ts("2026-11-03T10:00:00Z"), "u1", 9L).toDF(),
        "surveys/date=2026-11-03");
    RawDay day = reader().read(DAY, SEGMENTS);
    DataFrameAssertions.assertSameRows(
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", ts("2026-11-03T10:00:00Z"), "u1", null, null, 9, null, null)
            .toDF(),
        day.surveys());
    assertEquals(InputSchemas.SURVEYS_SCHEMA.catalogString(), day.surveys().schema().catalogString());
  }

  private void writeUsers(String folder, String userId) {
    StructType schema = InputSchemas.usersSchema(SEGMENTS).add("region", DataTypes.StringType);
    write(TestFrames.of(schema).row(userId, "a1", date("2026-01-01"), "pro", "eu").toDF(), folder);
  }

  @Test
  void datedUsersSnapshotsGiveTheLatestOnOrBeforeTheDay() {
    writeOneEvent("events/date=2026-11-03");
    writeOneEvent("events/date=2026-11-01");
    writeOneEvent("events/date=2026-09-01");
    writeUsers("users/date=2026-10-01", "u-october");
    writeUsers("users/date=2026-11-01", "u-november-1st");
    writeUsers("users/date=2026-11-05", "u-future");
    StructType ids = new StructType().add("user_id", DataTypes.StringType);

    // 2026-11-03: snapshots on or before are 10-01 and 11-01; the latest is 11-01
    RawDay day = reader().read(DAY, SEGMENTS);
    DataFrameAssertions.assertSameRows(
        TestFrames.of(ids).row("u-november-1st").toDF(), day.users().select("user_id"));
    // the extra region column is dropped
    assertEquals(InputSchemas.usersSchema(SEGMENTS).catalogString(), day.users().schema().catalogString());
    // a snapshot dated on the day itself counts
    DataFrameAssertions.assertSameRows(
        TestFrames.of(ids).row("u-november-1st").toDF(),
        reader().read(LocalDate.parse("2026-11-01"), SEGMENTS).users().select("user_id"));
    // before every snapshot: no users
    assertEquals(0, reader().read(LocalDate.parse("2026-09-01"), SEGMENTS).users().count());
  }

  @Test
  void anUndatedUsersSnapshotIsReadForEveryDay() {
    writeOneEvent("events/date=2026-11-03");
    writeUsers("users", "u1");
    DataFrameAssertions.assertSameRows(
        TestFrames.of(InputSchemas.usersSchema(SEGMENTS)).row("u1", "a1", date("2026-01-01"), "pro").toDF(),
        reader().read(DAY, SEGMENTS).users());
  }

  @Test
  void withoutUsersTheDimensionIsEmpty() {
    writeOneEvent("events/date=2026-11-03");
    RawDay day = reader().read(DAY, List.of("plan", "region"));
    assertEquals(0, day.users().count());
    assertEquals(
        InputSchemas.usersSchema(List.of("plan", "region")).catalogString(), day.users().schema().catalogString());
  }

  @Test
  void aConfiguredSegmentMissingFromUsersFailsTheRun() {
    writeOneEvent("events/date=2026-11-03");
    writeUsers("users", "u1");
    EngagementException e =
        assertThrows(EngagementException.class, () -> reader().read(DAY, List.of("plan", "industry")));
    assertEquals(ExitCode.RUN_FAILED, e.exitCode());
    assertContains(e.getMessage(), "users", "industry", "string", "missing", "engagement.segments");
  }
}
