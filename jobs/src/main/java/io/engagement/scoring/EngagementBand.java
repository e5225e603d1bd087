package io.engagement.scoring;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.SayDoConfig;
import io.engagement.output.Columns;
import org.apache.spark.sql.Column;

/**
 * The engagement band of a score (metrics.md 9): {@code low} below {@code low-below},
 * {@code high} from {@code high-from}, else {@code mid}. One definition, so user_engagement, the
 * roll-ups' band counts and say-vs-do agree on every user's band.
 */
public final class EngagementBand {
  private EngagementBand() {}

  /** The band of {@code score} (0..100); a null score has a null band. */
  public static Column of(Column score, SayDoConfig bands) {
    return when(score.isNull(), lit(null).cast("string"))
        .when(score.lt(bands.lowBelow()), lit(Columns.BAND_LOW))
        .when(score.geq(bands.highFrom()), lit(Columns.BAND_HIGH))
        .otherwise(lit(Columns.BAND_MID));
  }
}
