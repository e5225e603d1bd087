package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.KpiConfig.Aggregation;
import org.junit.jupiter.api.Test;

class KpiTallyTest {
  private static double tally(Aggregation aggregation, Double... contributions) {
    KpiTally tally = new KpiTally(aggregation);
    for (Double c : contributions) {
      tally.add(c);
    }
    return tally.value();
  }

  @Test
  void countsSumsAndMaximaSkipNulls() {
    // count of non-null: 3; sum 30.0 + 45.5 + 1.0 = 76.5; max of 30.0, 45.5, 1.0 = 45.5.
    assertEquals(3.0, tally(Aggregation.COUNT, 1.0, null, 1.0, 1.0));
    assertEquals(76.5, tally(Aggregation.SUM, 30.0, null, 45.5, 1.0));
    assertEquals(45.5, tally(Aggregation.MAX, 30.0, null, 45.5, 1.0));
  }

  @Test
  void nothingContributedIsZero() {
    assertEquals(0.0, tally(Aggregation.COUNT, (Double) null));
    assertEquals(0.0, tally(Aggregation.SUM));
    assertEquals(0.0, tally(Aggregation.MAX, null, null));
  }

  @Test
  void negativeValuesAreKept() {
    // max of -5.0 and -2.5 = -2.5 (not the 0 of "nothing contributed"); sum -7.5.
    assertEquals(-2.5, tally(Aggregation.MAX, -5.0, -2.5));
    assertEquals(-7.5, tally(Aggregation.SUM, -5.0, -2.5));
  }

  @Test
  void aSumStartsFromPositiveZeroAsSparksDoes() {
    // Spark adds to coalesce(sum, 0.0): 0.0 + -0.0 = +0.0, so a lone -0.0 sums to +0.0 (assertEquals
    // on doubles tells -0.0 from 0.0).
    assertEquals(0.0, tally(Aggregation.SUM, -0.0));
    // The first of two equal maxima stays: -0.0 then 0.0 gives -0.0.
    assertEquals(-0.0, tally(Aggregation.MAX, -0.0, 0.0));
  }
}
