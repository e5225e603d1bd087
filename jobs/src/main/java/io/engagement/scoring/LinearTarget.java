package io.engagement.scoring;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/** {@code linear-target}: {@code min(1, max(0, x / target))}, the share of the target reached. */
public record LinearTarget(double target) implements Normalizer {

  public LinearTarget {
    if (!(target > 0)) {
      throw new IllegalArgumentException("linear-target needs a target above 0, got " + target);
    }
  }

  @Override
  public Column presentValueScore(Column x) {
    return least(lit(1.0), greatest(lit(0.0), x.divide(target)));
  }
}
