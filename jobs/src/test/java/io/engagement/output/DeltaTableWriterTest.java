package io.engagement.output;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.exceptions.ConcurrentAppendException;
import io.delta.tables.DeltaTable;
import io.engagement.input.InputSchemas;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableWriterTest {
  private static final Tables TABLE = Tables.USER_DAILY_ACTIVITY;
  private static final LocalDate DAY1 = LocalDate.parse("2026-11-01");
  private static final LocalDate DAY2 = LocalDate.parse("2026-11-02");
  private static final StructType SCHEMA =
      new StructType()
          .add(Columns.RUN_ID, DataTypes.StringType)
          .add(InputSchemas.USER_ID, DataTypes.StringType)
          .add(Columns.ACTIVITY_DATE, DataTypes.DateType)
          .add(Columns.EVENTS, DataTypes.LongType)
          .add(Columns.FIRST_EVENT_TIME, DataTypes.TimestampType);

  @TempDir Path root;
  private final SparkSession spark = SparkTestSession.get();
  private DeltaTableWriter writer;

  @BeforeEach
  void setUp() {
    writer = new DeltaTableWriter(spark, root.toUri().toString());
  }

  @Test
  void pathIsTheTableNameUnderTheRoot() {
    assertEquals("s3a://bucket/out/user_daily_activity", new DeltaTableWriter(spark, "s3a://bucket/out").pathOf(TABLE));
    assertEquals("s3a://bucket/out/job_runs", new DeltaTableWriter(spark, "s3a://bucket/out/").pathOf(Tables.JOB_RUNS));
  }

  @Test
  void aRerunReplacesTheDayAndLeavesOtherDays() {
    long first = writer.replaceDay(TABLE, DAY1, day1FirstRun());
    long other = writer.replaceDay(TABLE, DAY2, day2());
    long second = writer.replaceDay(TABLE, DAY1, day1SecondRun());

    // fixtures: first run of DAY1 has 2 rows, DAY2 has 1, the rerun of DAY1 has 3
    assertEquals(2, first);
    assertEquals(1, other);
    assertEquals(3, second);
    DataFrameAssertions.assertSameRows(day1SecondRun().union(day2()), readAll());

    Row lastCommit = DeltaTable.forPath(spark, writer.pathOf(TABLE)).history(1).first();
    assertEquals("WRITE", lastCommit.getAs("operation"));
    Map<String, String> parameters = lastCommit.getJavaMap(lastCommit.fieldIndex("operationParameters"));
    assertEquals("Overwrite", parameters.get("mode"));
    assertTrue(parameters.get("predicate").contains(Columns.ACTIVITY_DATE), parameters.toString());
    Map<String, String> metrics = lastCommit.getJavaMap(lastCommit.fieldIndex("operationMetrics"));
    // the rerun removed the first run's file(s) of DAY1 only
    assertNotEquals("0", metrics.get("numRemovedFiles"), metrics.toString());
  }

  @Test
  void emptyRowsEmptyTheDayOnly() {
    writer.replaceDay(TABLE, DAY1, day1FirstRun());
    writer.replaceDay(TABLE, DAY2, day2());

    long written = writer.replaceDay(TABLE, DAY1, TestFrames.of(SCHEMA).toDF());

    assertEquals(0, written);
    DataFrameAssertions.assertSameRows(day2(), readAll());
  }

  @Test
  void aDayIsWrittenAsOneFileAndCountedFromTheCommit() {
    // 5 rows spread over 4 Spark partitions: 5 rows written, bin-packed into one file
    Dataset<Row> rows =
        TestFrames.of(SCHEMA)
            .row("r1", "u1", date("2026-11-01"), 1L, ts("2026-11-01T01:00:00Z"))
            .row("r1", "u2", date("2026-11-01"), 2L, ts("2026-11-01T02:00:00Z"))
            .row("r1", "u3", date("2026-11-01"), 3L, ts("2026-11-01T03:00:00Z"))
            .row("r1", "u4", date("2026-11-01"), 4L, ts("2026-11-01T04:00:00Z"))
            .row("r1", "u5", date("2026-11-01"), 5L, ts("2026-11-01T05:00:00Z"))
            .toDF()
            .repartition(4);

    assertEquals(5, writer.replaceDay(TABLE, DAY1, rows));

    Row commit = DeltaTable.forPath(spark, writer.pathOf(TABLE)).history(1).first();
    Map<String, String> metrics = commit.getJavaMap(commit.fieldIndex("operationMetrics"));
    assertEquals("1", metrics.get("numFiles"), metrics.toString());
  }

  @Test
  void aDaysFileRecordsItsRowCountButNoColumnStatistics() {
    writer.replaceDay(TABLE, DAY1, day1FirstRun());

    List<Row> adds =
        spark.read().json(writer.pathOf(TABLE) + "/_delta_log/*.json")
            .where("add is not null")
            .selectExpr("from_json(add.stats, 'numRecords BIGINT, minValues MAP<STRING, STRING>') AS stats")
            .collectAsList();
    assertEquals(1, adds.size());
    Row stats = adds.get(0).getStruct(0);
    // day1FirstRun: the rows of u1 and u2
    assertEquals(2L, stats.getLong(0));
    Map<String, String> minValues = stats.isNullAt(1) ? Map.of() : stats.getJavaMap(1);
    assertTrue(minValues.isEmpty(), "column statistics were collected: " + minValues);
  }

  @Test
  void rowsOfAnotherDayAreRefusedAndNothingIsWritten() {
    writer.replaceDay(TABLE, DAY1, day1FirstRun());

    Exception refused = assertThrows(Exception.class, () -> writer.replaceDay(TABLE, DAY1, day2()));
    assertTrue(refused.getMessage().contains("DELTA_REPLACE_WHERE_MISMATCH"), refused.getMessage());

    DataFrameAssertions.assertSameRows(day1FirstRun(), readAll());
  }

  @Test
  void tablesStayOnReaderProtocolOneWithMicrosecondTimestamps() throws Exception {
    writer.replaceDay(TABLE, DAY1, day1FirstRun());

    Row detail = DeltaTable.forPath(spark, writer.pathOf(TABLE)).detail().first();
    assertEquals(1, detail.<Integer>getAs("minReaderVersion"));
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertEquals("false", properties.get("delta.enableDeletionVectors"));
    assertEquals("true", properties.get("delta.autoOptimize.optimizeWrite"));
    assertEquals("0", properties.get("delta.dataSkippingNumIndexedCols"));
    assertEquals("interval 30 days", properties.get("delta.logRetentionDuration"));
    assertEquals("interval 7 days", properties.get("delta.deletedFileRetentionDuration"));
    assertFalse("true".equals(properties.get("delta.appendOnly")));
    List<String> features = detail.getList(detail.fieldIndex("tableFeatures"));
    assertFalse(features.contains("deletionVectors") || features.contains("timestampNtz")
        || features.contains("columnMapping") || features.contains("v2Checkpoint"), features.toString());

    StructType tableSchema = spark.read().format("delta").load(writer.pathOf(TABLE)).schema();
    assertEquals(DataTypes.TimestampType, tableSchema.apply(Columns.FIRST_EVENT_TIME).dataType());
    assertEquals(DataTypes.DateType, tableSchema.apply(Columns.ACTIVITY_DATE).dataType());

    PrimitiveType stored = parquetSchema(onlyParquetFile()).getType(Columns.FIRST_EVENT_TIME).asPrimitiveType();
    assertEquals(PrimitiveType.PrimitiveTypeName.INT64, stored.getPrimitiveTypeName());
    var timestamp = assertInstanceOf(
        LogicalTypeAnnotation.TimestampLogicalTypeAnnotation.class, stored.getLogicalTypeAnnotation());
    assertEquals(LogicalTypeAnnotation.TimeUnit.MICROS, timestamp.getUnit());
    assertTrue(timestamp.isAdjustedToUTC());
  }

  @Test
  void timestampNtzColumnsAreRefused() {
    StructType withNtz = SCHEMA.add("local_time", DataTypes.TimestampNTZType);

    assertThrows(IllegalArgumentException.class, () -> writer.ensureTable(TABLE, withNtz));
    assertFalse(DeltaTable.isDeltaTable(spark, writer.pathOf(TABLE)));
  }

  @Test
  void aSessionWritingInt96IsRefused() {
    SparkSession int96 = spark.newSession();
    int96.conf().set(DeltaSessionConfig.OUTPUT_TIMESTAMP_TYPE_KEY, "INT96");

    assertThrows(IllegalStateException.class, () -> new DeltaTableWriter(int96, root.toString()));
  }

  @Test
  void aNewColumnIsAddedAndEarlierRowsReadItAsNull() {
    writer.replaceDay(TABLE, DAY1, day1FirstRun());
    StructType wider = SCHEMA.add("kpi_signups", DataTypes.DoubleType);
    Dataset<Row> day2Wider =
        TestFrames.of(wider).row("r2", "u3", date("2026-11-02"), 7L, ts("2026-11-02T08:00:00Z"), 2.5).toDF();

    writer.replaceDay(TABLE, DAY2, day2Wider);

    Dataset<Row> expected =
        TestFrames.of(wider)
            .row("r1", "u1", date("2026-11-01"), 3L, ts("2026-11-01T09:00:00Z"), null)
            .row("r1", "u2", date("2026-11-01"), 1L, ts("2026-11-01T10:30:00Z"), null)
            .row("r2", "u3", date("2026-11-02"), 7L, ts("2026-11-02T08:00:00Z"), 2.5)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, readAll());
  }

  @Test
  void twoWritersOfANewTableBothSucceed() throws Exception {
    Dataset<Row> day1 = day1FirstRun();
    Dataset<Row> day2 = day2();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Long>> writes = List.of(
          () -> { start.await(); return writer.replaceDay(TABLE, DAY1, day1); },
          () -> { start.await(); return writer.replaceDay(TABLE, DAY2, day2); });
      List<Long> written = new ArrayList<>();
      for (Future<Long> f : pool.invokeAll(writes)) {
        written.add(f.get());
      }
      // 2 rows for DAY1, 1 for DAY2
      assertEquals(List.of(2L, 1L), written);
    } finally {
      pool.shutdownNow();
    }
    DataFrameAssertions.assertSameRows(day1.union(day2), readAll());
  }

  @Test
  void onlyDeltaConcurrencyExceptionsAreRetried() {
    var conflict = new ConcurrentAppendException("files were added to the day");
    assertTrue(DeltaTableWriter.isConcurrentModification(conflict));
    assertTrue(DeltaTableWriter.isConcurrentModification(new RuntimeException("wrapped", conflict)));
    assertFalse(DeltaTableWriter.isConcurrentModification(new IllegalArgumentException("bad rows")));
  }

  private Dataset<Row> readAll() {
    return spark.read().format("delta").load(writer.pathOf(TABLE));
  }

  private Path onlyParquetFile() throws Exception {
    try (Stream<Path> files = Files.walk(root.resolve(TABLE.tableName()))) {
      List<Path> parquet = files.filter(p -> p.toString().endsWith(".parquet")).toList();
      assertEquals(1, parquet.size(), parquet.toString());
      return parquet.get(0);
    }
  }

  private static MessageType parquetSchema(Path file) throws Exception {
    var input = HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
    try (ParquetFileReader reader = ParquetFileReader.open(input)) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static Dataset<Row> day1FirstRun() {
    return TestFrames.of(SCHEMA)
        .row("r1", "u1", date("2026-11-01"), 3L, ts("2026-11-01T09:00:00Z"))
        .row("r1", "u2", date("2026-11-01"), 1L, ts("2026-11-01T10:30:00Z"))
        .toDF();
  }

  private static Dataset<Row> day1SecondRun() {
    return TestFrames.of(SCHEMA)
        .row("r3", "u1", date("2026-11-01"), 4L, ts("2026-11-01T09:00:00Z"))
        .row("r3", "u4", date("2026-11-01"), 2L, ts("2026-11-01T11:00:00Z"))
        .row("r3", "u5", date("2026-11-01"), 1L, ts("2026-11-01T23:59:59.000001Z"))
        .toDF();
  }

  private static Dataset<Row> day2() {
    return TestFrames.of(SCHEMA)
        .row("r2", "u3", date("2026-11-02"), 7L, ts("2026-11-02T08:00:00Z"))
        .toDF();
  }
}
