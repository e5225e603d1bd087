package io.engagement.testing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Builders for tiny in-memory DataFrames: a schema plus rows written as Java values.
 *
 * <pre>{@code
 * Dataset<Row> events = TestFrames.of(InputSchemas.EVENTS_SCHEMA)
 *     .row("e1", ts("2026-11-03T10:00:00Z"), "u1", null, "s1", "page_view", null, "home", "web", null, null)
 *     .toDF();
 * }</pre>
 *
 * Java values are converted to what Spark expects: {@link Instant} and strings via {@link #ts},
 * {@link LocalDate} to {@link Date}; maps and lists may be Java collections (Spark converts them).
 */
public final class TestFrames {
  private final StructType schema;
  private final List<Row> rows = new ArrayList<>();

  private TestFrames(StructType schema) {
    this.schema = schema;
  }

  public static TestFrames of(StructType schema) {
    return new TestFrames(schema);
  }

  public TestFrames row(Object... values) {
    if (values.length != schema.fields().length) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values, schema has " + schema.fields().length + ": " + Arrays.toString(values));
    }
    Object[] converted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      converted[i] = toSpark(values[i]);
    }
    rows.add(RowFactory.create(converted));
    return this;
  }

  public Dataset<Row> toDF() {
    return SparkTestSession.get().createDataFrame(rows, schema);
  }

  /** A timestamp from an ISO-8601 instant, e.g. {@code 2026-11-03T10:00:00.000001Z}. */
  public static Timestamp ts(String isoInstant) {
    return Timestamp.from(Instant.parse(isoInstant));
  }

  public static Date date(String isoDate) {
    return Date.valueOf(LocalDate.parse(isoDate));
  }

  /** A map literal with insertion order: {@code map("a", 1, "b", 2)}. */
  public static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Object toSpark(Object value) {
    if (value instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (value instanceof Instant i) {
      return Timestamp.from(i);
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> converted = new LinkedHashMap<>();
      m.forEach((k, v) -> converted.put(toSpark(k), toSpark(v)));
      return converted;
    }
    if (value instanceof List<?> l) {
      List<Object> converted = new ArrayList<>();
      l.forEach(v -> converted.add(toSpark(v)));
      return converted;
    }
    return value;
  }
}
