package io.engagement.rollups;

import static io.engagement.rollups.UserEngagementFrames.DAY;
import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.testing.TestFrames;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** account_engagement statistics (metrics.md 7), computed by hand. */
class AccountRollupTest {
  static final StructType ACCOUNT_ENGAGEMENT =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("score_date", DataTypes.DateType)
          .add("users", DataTypes.LongType)
          .add("active_users", DataTypes.LongType)
          .add("mean_score", DataTypes.DoubleType)
          .add("active_mean_score", DataTypes.DoubleType)
          .add("median_score", DataTypes.DoubleType)
          .add("min_score", DataTypes.DoubleType)
          .add("max_score", DataTypes.DoubleType)
          .add("mean_visits_score", DataTypes.DoubleType)
          .add("mean_actions_score", DataTypes.DoubleType)
          .add("mean_kpis_score", DataTypes.DoubleType)
          .add("low_users", DataTypes.LongType)
          .add("mid_users", DataTypes.LongType)
          .add("high_users", DataTypes.LongType);

  @Test
  void statisticsPerAccount() {
    Dataset<Row> users =
        UserEngagementFrames.rows()
            // a1: four users, one idle; an even count
            .user("u1", "a1", "pro", 0, 0.0, 10.0, "low")
            .user("u2", "a1", "pro", 3, 10.0, 20.0, "low")
            .user("u3", "a1", "free", 5, 20.0, 40.0, "mid")
            .user("u4", "a1", "free", 9, 30.0, 80.0, "high")
            // a2: one idle user only
            .user("u5", "a2", "free", 0, 0.0, 5.0, "low")
            // a3: three active users, an odd count
            .user("u6", "a3", "pro", 1, 60.0, 90.0, "high")
            .user("u7", "a3", "pro", 1, 0.0, 30.0, "low")
            .user("u8", "a3", "pro", 1, 30.0, 60.0, "mid")
            .toDF();

    Dataset<Row> expected =
        TestFrames.of(ACCOUNT_ENGAGEMENT)
            // a1: users 4, active 3 (u1 has no visit day); mean (10+20+40+80)/4 = 150/4 = 37.5;
            //     active mean (20+40+80)/3 = 46.66667; median of 10,20,40,80 = (20+40)/2 = 30;
            //     min 10, max 80; visits = scores: 37.5; actions (0+10+20+30)/4 = 15; kpis null;
            //     bands low 2 (10, 20), mid 1 (40), high 1 (80)
            .row("a1", DAY, 4L, 3L, 37.5, 140.0 / 3, 30.0, 10.0, 80.0, 37.5, 15.0, null, 2L, 1L, 1L)
            // a2: nobody active -> active mean null; the single score is mean, median, min, max
            .row("a2", DAY, 1L, 0L, 5.0, null, 5.0, 5.0, 5.0, 5.0, 0.0, null, 1L, 0L, 0L)
            // a3: mean (90+30+60)/3 = 60 = active mean; median of 30,60,90 = 60;
            //     actions (60+0+30)/3 = 30; bands low 1 (30), mid 1 (60), high 1 (90)
            .row("a3", DAY, 3L, 3L, 60.0, 60.0, 60.0, 30.0, 90.0, 60.0, 30.0, null, 1L, 1L, 1L)
            .toDF();

    Dataset<Row> rollup = AccountRollup.rollup(users);
    assertSameRows(expected, rollup);
    assertEquals(List.of(ACCOUNT_ENGAGEMENT.fieldNames()), List.of(rollup.columns()));
    assertEquals(ACCOUNT_ENGAGEMENT, rollup.schema().asNullable());
  }
}
