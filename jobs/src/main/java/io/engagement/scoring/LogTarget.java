package io.engagement.scoring;

import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * {@code log-target}: {@code min(1, ln(1 + x) / ln(1 + target))}, 0 for {@code x <= 0}. The log
 * rewards the first visits most, so a heavy user does not need ten times the visits of a regular
 * one to look engaged.
 */
public record LogTarget(double target) implements Normalizer {

  public LogTarget {
    if (!(target > 0)) {
      throw new IllegalArgumentException("log-target needs a target above 0, got " + target);
    }
  }

  @Override
  public Column presentValueScore(Column x) {
    return when(x.leq(0), lit(0.0)).otherwise(least(lit(1.0), log1p(x).divide(Math.log1p(target))));
  }
}
