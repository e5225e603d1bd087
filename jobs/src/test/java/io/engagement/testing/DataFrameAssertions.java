package io.engagement.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Iterator;

/**
 * Compares DataFrames as multisets of rows: row order never matters, column order does not
 * either (columns are matched by name), doubles are equal within a tolerance. On failure it
 * prints the rows only one side has, which reads better than two full tables.
 */
public final class DataFrameAssertions {
  private static final double DEFAULT_TOLERANCE = 1e-9;

  private DataFrameAssertions() {}

  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertSameRows(expected, actual, DEFAULT_TOLERANCE);
  }

  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    assertSameRows(collect(expected), collect(actual), tolerance);
  }

  /** Bit-for-bit equal rows (doubles too), in any order: what determinism and crash tests demand. */
  public static void assertIdenticalRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertSameRows(expected, actual, 0);
  }

  /**
   * A DataFrame's column names and rows, collected once: a test that compares one table with
   * several others (or reads it in a fixture, before the data changes) reads it only once.
   */
  public record Collected(List<String> columns, List<Row> rows) {
    public Collected {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  public static Collected collect(Dataset<Row> rows) {
    return new Collected(Arrays.asList(rows.columns()), rows.collectAsList());
  }

  /** As {@link #assertSameRows(Dataset, Dataset)}, on rows collected before. */
  public static void assertSameRows(Collected expected, Collected actual) {
    assertSameRows(expected, actual, DEFAULT_TOLERANCE);
  }

  /** As {@link #assertSameRows(Dataset, Dataset, double)}, on rows collected before. */
  public static void assertSameRows(Collected expected, Collected actual, double tolerance) {
    assertSameColumns(expected.columns(), actual.columns());
    List<String> exp = render(expected, expected.columns(), tolerance);
    List<String> act = render(actual, expected.columns(), tolerance);
    assertSameRendered(expected.columns(), exp, act);
  }

  /** As {@link #assertIdenticalRows(Dataset, Dataset)}, on rows collected before. */
  public static void assertIdenticalRows(Collected expected, Collected actual) {
    assertSameRows(expected, actual, 0);
  }

  private static void assertSameColumns(List<String> expectedColumns, List<String> actualColumns) {
    if (!new java.util.TreeSet<>(expectedColumns).equals(new java.util.TreeSet<>(actualColumns))) {
      fail("columns differ:\n  expected " + expectedColumns + "\n  actual   " + actualColumns);
    }
  }

  /** The rows of {@code collected} as {@link #render(List, double)} does, their values in {@code order}. */
  private static List<String> render(Collected collected, List<String> order, double tolerance) {
    int[] at = order.stream().mapToInt(collected.columns()::indexOf).toArray();
    List<Row> reordered = new ArrayList<>();
    for (Row row : collected.rows()) {
      reordered.add(RowFactory.create(Arrays.stream(at).mapToObj(row::get).toArray()));
    }
    return render(reordered, tolerance);
  }

  private static void assertSameRendered(List<String> expectedColumns, List<String> exp, List<String> act) {
    List<String> onlyExpected = minus(exp, act);
    List<String> onlyActual = minus(act, exp);
    if (!onlyExpected.isEmpty() || !onlyActual.isEmpty()) {
      StringBuilder msg = new StringBuilder("rows differ (columns " + expectedColumns + ")\n");
      onlyExpected.forEach(r -> msg.append("  - expected only: ").append(r).append('\n'));
      onlyActual.forEach(r -> msg.append("  + actual only:   ").append(r).append('\n'));
      fail(msg.toString());
    }
  }

  /** Each row as canonical text: doubles rounded to the tolerance (exact at 0), maps sorted by key. */
  public static List<String> render(List<Row> rows, double tolerance) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(renderValue(row, tolerance));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static String renderValue(Object value, double tolerance) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite() || tolerance == 0) {
        return d.toString();
      }
      int decimals = (int) Math.max(0, Math.round(-Math.log10(tolerance)) - 1);
      return String.format(java.util.Locale.ROOT, "%." + decimals + "f", d);
    }
    if (value instanceof Row r) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        parts.add(renderValue(r.get(i), tolerance));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      Iterator<? extends scala.Tuple2<?, ?>> it = m.iterator();
      while (it.hasNext()) {
        scala.Tuple2<?, ?> e = it.next();
        sorted.put(renderValue(e._1(), tolerance), renderValue(e._2(), tolerance));
      }
      return sorted.toString();
    }
    if (value instanceof scala.collection.Seq<?> s) {
      List<String> parts = new ArrayList<>();
      s.foreach(v -> parts.add(renderValue(v, tolerance)));
      return parts.toString();
    }
    return value.toString();
  }

  private static List<String> minus(List<String> a, List<String> b) {
    Map<String, Long> counts = b.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    List<String> out = new ArrayList<>();
    for (String s : a) {
      Long c = counts.get(s);
      if (c == null || c == 0) {
        out.add(s);
      } else {
        counts.put(s, c - 1);
      }
    }
    return out;
  }
}
