package io.engagement.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {
  @Test
  void spreadIsExactWhereTheFormulaCancelsInDoubles() {
    // 1e8 + 1, + 2, + 3: squared deviations 1 + 0 + 1 = 2, times n = 3: 6. In doubles, sum(x^2)
    // is about 3e16, beyond the 2^53 where doubles still hold every integer, so the formula
    // n * sum(x^2) - sum(x)^2 comes out wrong.
    double[] values = {1e8 + 1, 1e8 + 2, 1e8 + 3};
    Moments moments = new Moments();
    double sum = 0;
    double squares = 0;
    for (double v : values) {
      moments.add(v);
      sum += v;
      squares += v * v;
    }
    assertNotEquals(6.0, 3 * squares - sum * sum, "the fixture must defeat the formula in doubles");
    assertEquals(6.0, moments.scaledSpread());
    assertEquals(3, moments.count());
  }

  @Test
  void coMomentAndCorrelationByHand() {
    // x = 1, 2, 3; y = 2, 4, 7: 3 * 31 - 6 * 13 = 15; spreads 3 * 14 - 36 = 6 and 3 * 69 - 169 = 38
    CoMoments moments = new CoMoments();
    moments.add(1, 2);
    moments.add(2, 4);
    moments.add(3, 7);
    assertEquals(15.0 / Math.sqrt(6.0 * 38.0), moments.correlation());
    CoMoments flat = new CoMoments();
    flat.add(1, 5);
    flat.add(2, 5);
    assertEquals(null, flat.correlation());
  }

  @Test
  void sameValuesSameMomentsInAnyOrderAndSplit() {
    Random random = new Random(5);
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double x = 50 + 10 * random.nextGaussian();
      pairs.add(new double[] {x, 0.3 * x + random.nextGaussian()});
    }
    Double first = null;
    double firstSpread = 0;
    for (int round = 0; round < 4; round++) {
      Collections.shuffle(pairs, random);
      CoMoments a = new CoMoments();
      CoMoments b = new CoMoments();
      for (int i = 0; i < pairs.size(); i++) {
        (i % (round + 2) == 0 ? a : b).add(pairs.get(i)[0], pairs.get(i)[1]);
      }
      a.addAll(b);
      Moments x = new Moments();
      pairs.forEach(p -> x.add(p[0]));
      if (first == null) {
        first = a.correlation();
        firstSpread = x.scaledSpread();
      }
      assertEquals(first, a.correlation());
      assertEquals(firstSpread, x.scaledSpread());
    }
  }
}
