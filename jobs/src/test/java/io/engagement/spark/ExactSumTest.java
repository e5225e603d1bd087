package io.engagement.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  @Test
  void keepsWhatAPlainSumLoses() {
    // 1e100 + 1 - 1e100: a plain sum loses the 1 in the first addition.
    assertEquals(1.0, sumOf(1e100, 1.0, -1e100));
    // Ten times the double nearest 0.1 is exactly 1.000000000000000055511151231257827, which
    // rounds to 1.0; a plain sum gives 0.9999999999999999.
    double[] tenths = new double[10];
    java.util.Arrays.fill(tenths, 0.1);
    assertEquals(1.0, sumOf(tenths));
  }

  @Test
  void roundsOnceToNearest() {
    // 1 + 2^-53 is a tie that rounds to even (1.0), but 2^-105 more lies above the tie: the
    // nearest double is 1 + 2^-52. A plain sum gives 1.0.
    double half = Math.scalb(1.0, -53);
    double tiny = Math.scalb(1.0, -105);
    assertEquals(1.0 + Math.scalb(1.0, -52), sumOf(1.0, half, tiny));
    assertEquals(1.0 + Math.scalb(1.0, -52), sumOf(tiny, half, 1.0));
    // Without the nudge, the tie rounds to even.
    assertEquals(1.0, sumOf(1.0, half));
  }

  @Test
  void sameValuesSameSumInAnyOrderAndSplit() {
    Random random = new Random(3);
    List<Double> values = new ArrayList<>();
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < 5000; i++) {
      double v = Math.pow(10, random.nextInt(13) - 6) * random.nextGaussian();
      values.add(v);
      exact = exact.add(new BigDecimal(v));
    }
    double expected = exact.doubleValue(); // the exact sum, correctly rounded
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(values, random);
      // split into three sums added at different points, then merged
      ExactSum[] parts = {new ExactSum(), new ExactSum(), new ExactSum()};
      for (int i = 0; i < values.size(); i++) {
        parts[(i * 7 + round) % 3].add(values.get(i));
      }
      parts[1].addAll(parts[2]);
      parts[0].addAll(parts[1]);
      assertEquals(expected, parts[0].value());
      assertEquals(values.size(), parts[0].count());
    }
  }

  @Test
  void emptyAndNonFinite() {
    assertEquals(0.0, new ExactSum().value());
    assertEquals(0, new ExactSum().count());
    assertEquals(Double.POSITIVE_INFINITY, sumOf(1.0, Double.POSITIVE_INFINITY, 2.0));
    assertEquals(Double.NaN, sumOf(Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY));
    assertEquals(Double.NaN, sumOf(1.0, Double.NaN));
  }

  private static double sumOf(double... values) {
    ExactSum sum = new ExactSum();
    for (double v : values) {
      sum.add(v);
    }
    return sum.value();
  }
}
