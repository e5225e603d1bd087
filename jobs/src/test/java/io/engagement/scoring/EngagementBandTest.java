package io.engagement.scoring;

import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.apache.spark.sql.functions.col;

import io.engagement.testing.TestFrames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Bands at their thresholds (metrics.md 9, defaults low-below 33.3, high-from 66.7). */
class EngagementBandTest {

  @Test
  void lowBelowTheLowThresholdHighFromTheHighOne() {
    StructType scores = new StructType().add("score", DataTypes.DoubleType);
    Dataset<Row> input =
        TestFrames.of(scores)
            .row(0.0)
            .row(33.29)
            .row(33.3)
            .row(66.69)
            .row(66.7)
            .row(100.0)
            .row((Double) null)
            .toDF();
    StructType banded =
        new StructType().add("score", DataTypes.DoubleType).add("band", DataTypes.StringType);
    Dataset<Row> expected =
        TestFrames.of(banded)
            .row(0.0, "low")
            .row(33.29, "low") // < 33.3
            .row(33.3, "mid") // not below 33.3, below 66.7
            .row(66.69, "mid")
            .row(66.7, "high") // >= 66.7
            .row(100.0, "high")
            .row(null, null) // no score, no band
            .toDF();
    assertSameRows(
        expected,
        input.select(col("score"), EngagementBand.of(col("score"), ScoreConfigs.BANDS).as("band")));
  }
}
