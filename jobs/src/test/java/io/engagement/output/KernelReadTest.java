package io.engagement.output;

import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import io.engagement.input.InputSchemas;
import io.engagement.pipeline.JobRunner;
import io.engagement.testing.Events;
import io.engagement.testing.KernelTables;
import io.engagement.testing.KernelTables.KernelTable;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every output table, written by two daily runs, read back by Delta Kernel without Spark: the
 * rows must be exactly Spark's, and the protocol must stay within what open-source readers
 * support (contract.md: Delta Kernel, Trino, DuckDB). Spark reading its own tables proves
 * little; an independent reader catches a table feature or a Parquet encoding that only Spark
 * understands.
 */
class KernelReadTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D2 = LocalDate.parse("2026-11-02");
  /** Features that raise the reader protocol above 1, so that many readers cannot open the table. */
  private static final Set<String> FEATURES_READERS_LACK =
      Set.of("deletionVectors", "columnMapping", "v2Checkpoint", "timestampNtz");

  @TempDir static Path root;
  private static Path output;
  private static final Map<Tables, KernelTable> KERNEL = new EnumMap<>(Tables.class);

  /**
   * Two days whose outputs fill every table but the alerts (an alert needs at least 7 baseline
   * days): two users in two accounts and segments, a survey answer each day, and rejected rows
   * of every source (hence the quality gate loosened to 0.6).
   */
  @BeforeAll
  static void runTwoDays() {
    SparkTestSession.get();
    Path input = root.resolve("in");
    output = root.resolve("out");
    writeUsers(input);
    writeDay(input, D1, "r1", "u1", 9, "très bien, \"merci\"");
    writeDay(input, D2, "r2", "u2", 3, null);
    LoadedConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "input.root", input.toString(),
                "output.root", output.toString(),
                "quality.max-rejected-fraction", "0.6"),
            Map.of());
    JobRunner runner = new JobRunner(config, false, new PrintStream(OutputStream.nullOutputStream()));
    runner.daily(D1, false, false);
    runner.daily(D2, false, false);
    // A table reaches a checkpoint after 10 commits (10 days); make one now so that Kernel
    // also reads a checkpoint written under our table properties (classic, not v2).
    DeltaLog.forTable(SparkTestSession.get(), tablePath(Tables.USER_ENGAGEMENT).toString()).checkpoint();
  }

  /** Users u1 and u2, and a row without user_id that every run rejects. */
  private static void writeUsers(Path input) {
    write(
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("u1", "acc-1", date("2026-10-01"), "pro", "emea")
            .row("u2", "acc-2", date("2026-10-15"), "free", "amer")
            .row(null, "acc-3", date("2026-10-20"), "free", "apac")
            .toDF(),
        input.resolve("users"));
  }

  /** Both users active, one rejected event, one valid answer and one out of range. */
  private static void writeDay(Path input, LocalDate day, String responseId, String respondent, int score, String comment) {
    String d = day.toString();
    Events events =
        Events.builder()
            .full("a-" + d, d + "T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("b-" + d, d + "T09:05:00.123456Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "2"))
            .full("c-" + d, d + "T11:00:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 19.99, null)
            .full("x-" + d, d + "T12:00:00Z", null, "acc-2", null, "page_view", null, null, "web", null, null);
    write(events.toDF(), input.resolve("events/date=" + d));
    write(
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row(responseId, TestFrames.ts(d + "T12:00:00.5Z"), respondent, null, "relationship", score, comment, "email")
            .row("bad-" + d, TestFrames.ts(d + "T12:30:00Z"), "u1", "acc-1", "relationship", 11, null, "email")
            .toDF(),
        input.resolve("surveys/date=" + d));
  }

  private static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  private static Path tablePath(Tables table) {
    return output.resolve(table.tableName());
  }

  private static synchronized KernelTable kernel(Tables table) {
    return KERNEL.computeIfAbsent(table, t -> KernelTables.read(tablePath(t)));
  }

  @ParameterizedTest
  @EnumSource(Tables.class)
  void kernelReadsExactlySparksRows(Tables table) {
    Dataset<Row> spark = SparkTestSession.get().read().format("delta").load(tablePath(table).toString());
    KernelTable kernel = kernel(table);
    List<String> columns = Arrays.asList(spark.columns());
    assertEquals(columns, kernel.schema().fieldNames(), table + ": columns");
    List<Row> sparkRows = spark.collectAsList();
    assertEquals(sparkRows.size(), kernel.rows().size(), table + ": row count");
    List<String> fromSpark = new ArrayList<>();
    for (Row row : sparkRows) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (String c : columns) {
        values.put(c, plain(row.get(row.fieldIndex(c))));
      }
      fromSpark.add(canonical(values));
    }
    List<String> fromKernel = kernel.rows().stream().map(KernelReadTest::canonical).toList();
    assertSameMultiset(table, fromSpark, fromKernel);
  }

  @ParameterizedTest
  @EnumSource(Tables.class)
  void theProtocolIsReaderOneWithoutFeaturesReadersLack(Tables table) {
    KernelTable kernel = kernel(table);
    assertEquals(1, kernel.protocol().getMinReaderVersion(), table + ": " + kernel.protocol());
    assertTrue(kernel.protocol().getReaderFeatures().isEmpty(), table + ": " + kernel.protocol());
    Set<String> features = KernelTables.featureNames(kernel.protocol());
    assertTrue(
        features.stream().noneMatch(FEATURES_READERS_LACK::contains), table + ": features " + features);
    assertFalse(KernelTables.containsTimestampNtz(kernel.schema()), table + ": " + kernel.schema());
    assertEquals(List.of(table.dateColumn()), kernel.partitionColumns(), table + ": partition columns");
  }

  @Test
  void everyTableButTheAlertsHasRowsOfBothDays() {
    for (Tables table : Tables.values()) {
      Set<Object> days =
          kernel(table).rows().stream().map(r -> r.get(table.dateColumn())).collect(Collectors.toSet());
      Set<Object> expected = table == Tables.ENGAGEMENT_ALERTS ? Set.of() : Set.of(D1, D2);
      assertEquals(expected, days, table + ": days with rows");
    }
  }

  @Test
  void kernelSeesTheValuesOfTheInputs() {
    // r1: u1's answer 9 on D1 (promoter), read with its comment's accents and quotes intact
    Map<String, Object> r1 =
        kernel(Tables.NPS_RESPONSES).rows().stream().filter(r -> "r1".equals(r.get("response_id"))).findFirst().orElseThrow();
    assertEquals(9, r1.get("score"));
    assertEquals("promoter", r1.get("category"));
    assertEquals("très bien, \"merci\"", r1.get("comment"));
    assertEquals(Instant.parse("2026-11-01T12:00:00.500Z"), r1.get("response_time"));
    // rejected each day: the user without user_id, the event without user_id, the score 11
    Map<Object, Long> rejectedPerDay =
        kernel(Tables.REJECTED_RECORDS).rows().stream()
            .collect(Collectors.groupingBy(r -> r.get(Columns.INGEST_DATE), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(D1, 3L, D2, 3L), rejectedPerDay);
    // one succeeded run per day, 4 events in, 1 rejected, per-table counts in a map
    List<Map<String, Object>> runs = kernel(Tables.JOB_RUNS).rows();
    assertEquals(2, runs.size());
    for (Map<String, Object> run : runs) {
      assertEquals("succeeded", run.get(Columns.STATUS));
      assertEquals(4L, run.get(Columns.EVENTS_INPUT));
      assertEquals(1L, run.get(Columns.EVENTS_REJECTED));
      // u1 and u2 scored on the run's day
      assertEquals(2L, ((Map<?, ?>) run.get(Columns.ROWS_WRITTEN)).get(Tables.USER_ENGAGEMENT.tableName()));
    }
  }

  @Test
  void kernelStartsFromTheClassicCheckpoint() {
    KernelTable engagement = kernel(Tables.USER_ENGAGEMENT);
    // a classic checkpoint is one file <version>.checkpoint.parquet (v2 ones carry a UUID)
    assertEquals(
        List.of(String.format("%020d.checkpoint.parquet", engagement.version())), engagement.checkpoints());
  }

  /**
   * Spark's values as the plain Java values {@link KernelTables} gives: java.sql dates and
   * timestamps (the default Spark API) become LocalDate and Instant, Scala collections and rows
   * become Java lists and maps.
   */
  private static Object plain(Object value) {
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Row r) {
      Map<String, Object> struct = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        struct.put(r.schema().fieldNames()[i], plain(r.get(i)));
      }
      return struct;
    }
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<Object, Object> map = new LinkedHashMap<>();
      m.foreach(e -> map.put(plain(e._1()), plain(e._2())));
      return map;
    }
    if (value instanceof scala.collection.Seq<?> s) {
      List<Object> list = new ArrayList<>();
      s.foreach(v -> list.add(plain(v)));
      return list;
    }
    return value;
  }

  /**
   * One value as text that is equal exactly when the values are. Doubles are compared exactly
   * (both readers decode the same Parquet bits); strings are quoted so that "null" differs from
   * null; map entries are sorted, because neither reader promises an order.
   */
  private static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    if (value instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (value instanceof Map<?, ?> m) {
      TreeSet<String> entries = new TreeSet<>();
      m.forEach((k, v) -> entries.add(canonical(k) + "=" + canonical(v)));
      return entries.toString();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(KernelReadTest::canonical).collect(Collectors.joining(", ", "(", ")"));
    }
    return value.getClass().getSimpleName() + ":" + value;
  }

  private static void assertSameMultiset(Tables table, List<String> spark, List<String> kernel) {
    List<String> onlySpark = new ArrayList<>(spark);
    kernel.forEach(onlySpark::remove);
    List<String> onlyKernel = new ArrayList<>(kernel);
    spark.forEach(onlyKernel::remove);
    if (!onlySpark.isEmpty() || !onlyKernel.isEmpty()) {
      fail(table + ": rows differ\n  Spark only:  " + onlySpark + "\n  Kernel only: " + onlyKernel);
    }
  }
}
