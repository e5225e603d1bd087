package io.engagement.scoring;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/** {@code ratio}: {@code min(1, max(0, x))}, for metrics that already are shares (reliance). */
public record Ratio() implements Normalizer {

  @Override
  public Column presentValueScore(Column x) {
    return least(lit(1.0), greatest(lit(0.0), x));
  }
}
