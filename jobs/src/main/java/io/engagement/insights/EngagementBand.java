package io.engagement.insights;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.SayDoConfig;
import io.engagement.output.Columns;
import org.apache.spark.sql.Column;

/**
 * The engagement band of a score (metrics.md 9): low below {@code low-below}, high from
 * {@code high-from}, mid between. One definition, so the roll-ups' band counts and say vs do agree.
 */
public final class EngagementBand {
  private EngagementBand() {}

  /** low / mid / high; null for a null score. */
  public static Column of(Column score, SayDoConfig bands) {
    return when(score.lt(bands.lowBelow()), lit(Columns.BAND_LOW))
        .when(score.geq(bands.highFrom()), lit(Columns.BAND_HIGH))
        .when(score.isNotNull(), lit(Columns.BAND_MID));
  }
}
