package io.engagement.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.testing.SparkTestSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DeterministicStatisticsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("x", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType);

  @Test
  void meanSkipsNullsAndIsNullWithoutValues() {
    Dataset<Row> rows =
        frame(List.of(row("a", 1.0, null), row("a", 4.0, null), row("a", null, null), row("a", 2.0, null),
            row("b", null, null)), 1);
    List<Row> means = rows.groupBy("g").agg(DeterministicStatistics.mean(col("x"))).orderBy("g").collectAsList();
    // a: (1 + 2 + 4) / 3, the null skipped; b: no value, no mean (as avg)
    assertEquals(7.0 / 3.0, means.get(0).getDouble(1));
    assertNull(means.get(1).get(1));
  }

  @Test
  void sampleStddevByHand() {
    List<Row> values = new ArrayList<>();
    for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
      values.add(row("a", v, null));
    }
    values.add(row("b", 3.0, null));
    List<Row> result =
        frame(values, 3).groupBy("g").agg(DeterministicStatistics.sampleStddev(col("x"))).orderBy("g").collectAsList();
    // a: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32 / 7.
    // Computed as n * sum(x^2) - sum(x)^2 = 8 * 232 - 40^2 = 256 over n (n - 1) = 56: the same
    // rational, so the same double.
    assertEquals(Math.sqrt(32.0 / 7.0), result.get(0).getDouble(1));
    // b: one value has no sample deviation
    assertNull(result.get(1).get(1));
  }

  @Test
  void correlationByHand() {
    List<Row> rows =
        List.of(
            row("a", 1.0, 2.0), row("a", 2.0, 4.0), row("a", 3.0, 7.0), row("a", null, 100.0),
            row("short", 1.0, 1.0), row("short", 2.0, 3.0),
            row("flat", 1.0, 5.0), row("flat", 2.0, 5.0), row("flat", 3.0, 5.0));
    List<Row> result =
        frame(rows, 2).groupBy("g").agg(DeterministicStatistics.correlation(col("x"), col("y"), 3)).collectAsList();
    for (Row r : result) {
      switch (r.getString(0)) {
        // a, the pair with a null skipped: dx = -1, 0, 1; dy = -7/3, -1/3, 8/3;
        // sum dx*dy = 7/3 + 8/3 = 5; sum dx^2 = 2; sum dy^2 = (49 + 1 + 64) / 9 = 114/9;
        // r = 5 / sqrt(2 * 114/9) = 0.99339926... Times n = 3 each (sum x = 6, sum y = 13,
        // sum xy = 31, sum x^2 = 14, sum y^2 = 69): 3*31 - 6*13 = 15 over sqrt((3*14 - 36) *
        // (3*69 - 169)) = sqrt(6 * 38), the form computed, exactly.
        case "a" -> {
          assertEquals(5.0 / Math.sqrt(2.0 * 114.0 / 9.0), r.getDouble(1), 1e-15);
          assertEquals(15.0 / Math.sqrt(228.0), r.getDouble(1));
        }
        // two pairs are fewer than the 3 asked for
        case "short" -> assertNull(r.get(1));
        // y has no spread: r is undefined
        case "flat" -> assertNull(r.get(1));
        default -> throw new AssertionError(r);
      }
    }
    assertEquals(3, result.size());
  }

  /**
   * The point of the class: the same values in another order, on another number of partitions,
   * give bit-identical statistics. The fixture is checked to be one where the order of a plain sum
   * does change its result.
   */
  @Test
  void partitioningDoesNotChangeABit() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // magnitudes from 1e-3 to 1e3, so that rounding depends on the order of the additions
      double x = Math.pow(10, random.nextInt(7) - 3) * random.nextDouble();
      rows.add(row(i % 3 == 0 ? "a" : "b", x, x * 0.5 + random.nextGaussian()));
    }
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(11));
    double[] forward = rows.stream().mapToDouble(r -> r.getDouble(1)).toArray();
    double[] other = shuffled.stream().mapToDouble(r -> r.getDouble(1)).toArray();
    assertNotEquals(plainSum(forward), plainSum(other), "the fixture must be order-sensitive");

    List<Row> one = statistics(frame(rows, 1));
    List<Row> eight = statistics(frame(shuffled, 8));
    assertEquals(one, eight);

    // And the mean is the exact sum, rounded once, over the count (BigDecimal holds a double's
    // value exactly, and rounds its sum to the nearest double).
    BigDecimal exact = BigDecimal.ZERO;
    int count = 0;
    for (Row r : rows) {
      if (r.getString(0).equals("a")) {
        exact = exact.add(new BigDecimal(r.getDouble(1)));
        count++;
      }
    }
    assertEquals(exact.doubleValue() / count, one.get(0).getDouble(1));
  }

  private static List<Row> statistics(Dataset<Row> rows) {
    return rows.groupBy("g")
        .agg(
            DeterministicStatistics.mean(col("x")),
            DeterministicStatistics.sampleStddev(col("x")),
            DeterministicStatistics.correlation(col("x"), col("y"), 3))
        .orderBy("g")
        .collectAsList();
  }

  private static double plainSum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  private static Row row(String group, Double x, Double y) {
    return RowFactory.create(group, x, y);
  }

  private static Dataset<Row> frame(List<Row> rows, int partitions) {
    return SparkTestSession.get().createDataFrame(rows, SCHEMA).repartition(partitions);
  }
}
