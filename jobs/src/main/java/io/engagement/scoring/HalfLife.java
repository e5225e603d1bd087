package io.engagement.scoring;

import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;

import org.apache.spark.sql.Column;

/**
 * {@code half-life}: {@code 0.5 ^ (x / half-life-days)}. Made for recency: the sub-score halves
 * with every half-life of inactivity, and a user never active (null) gets 0 through {@link
 * #subScore}. Capped at 1 so that a negative day count, which recency never produces, still
 * cannot leave [0, 1].
 */
public record HalfLife(double halfLifeDays) implements Normalizer {

  public HalfLife {
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException("half-life needs half-life-days above 0, got " + halfLifeDays);
    }
  }

  @Override
  public Column presentValueScore(Column x) {
    return least(lit(1.0), pow(lit(0.5), x.divide(halfLifeDays)));
  }
}
