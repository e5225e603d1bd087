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

/** segment_engagement (metrics.md 7), computed by hand. */
class SegmentRollupTest {
  static final StructType SEGMENT_ENGAGEMENT =
      new StructType()
          .add("segment_dimension", DataTypes.StringType)
          .add("segment_value", DataTypes.StringType)
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
          .add("high_users", DataTypes.LongType)
          .add("accounts", DataTypes.LongType)
          .add("mean_account_score", DataTypes.DoubleType);

  @Test
  void statisticsPerSegmentValueAndForTheBusiness() {
    // a1 has three users (one idle, one without a plan), a2 one user; every user is in region eu
    Dataset<Row> users =
        UserEngagementFrames.rows()
            .user("u1", "a1", "pro", 0, 0.0, 10.0, "low")
            .user("u2", "a1", "pro", 2, 10.0, 20.0, "low")
            .user("u3", "a1", null, 4, 20.0, 60.0, "mid")
            .user("u4", "a2", "pro", 8, 30.0, 90.0, "high")
            .toDF();

    // all/all and region/eu: the four users.
    //   mean (10+20+60+90)/4 = 180/4 = 45; active u2,u3,u4: (20+60+90)/3 = 56.66667;
    //   median of 10,20,60,90 = (20+60)/2 = 40; min 10, max 90; actions (0+10+20+30)/4 = 15;
    //   bands low 2, mid 1, high 1; accounts 2;
    //   account means: a1 (10+20+60)/3 = 30, a2 90 -> mean_account_score (30+90)/2 = 60 (not 45)
    // plan/pro: u1, u2, u4.
    //   mean (10+20+90)/3 = 40; active u2,u4: (20+90)/2 = 55; median of 10,20,90 = 20;
    //   min 10, max 90; actions (0+10+30)/3 = 13.33333; bands low 2, mid 0, high 1; accounts 2;
    //   account means of the group's own users: a1 (10+20)/2 = 15, a2 90 -> (15+90)/2 = 52.5
    // plan/unknown (null plan): u3 alone: 60 everywhere, actions 20, mid 1, accounts 1
    Dataset<Row> expected =
        TestFrames.of(SEGMENT_ENGAGEMENT)
            .row("all", "all", DAY, 4L, 3L, 45.0, 170.0 / 3, 40.0, 10.0, 90.0, 45.0, 15.0, null, 2L, 1L, 1L, 2L, 60.0)
            .row("region", "eu", DAY, 4L, 3L, 45.0, 170.0 / 3, 40.0, 10.0, 90.0, 45.0, 15.0, null, 2L, 1L, 1L, 2L, 60.0)
            .row("plan", "pro", DAY, 3L, 2L, 40.0, 55.0, 20.0, 10.0, 90.0, 40.0, 40.0 / 3, null, 2L, 0L, 1L, 2L, 52.5)
            .row("plan", "unknown", DAY, 1L, 1L, 60.0, 60.0, 60.0, 60.0, 60.0, 60.0, 20.0, null, 0L, 1L, 0L, 1L, 60.0)
            .toDF();

    Dataset<Row> rollup = SegmentRollup.rollup(users, List.of("plan", "region"));
    assertSameRows(expected, rollup);
    assertEquals(List.of(SEGMENT_ENGAGEMENT.fieldNames()), List.of(rollup.columns()));
    assertEquals(SEGMENT_ENGAGEMENT, rollup.schema().asNullable());
  }

  @Test
  void aGroupWithoutActiveUsersHasANullActiveMean() {
    Dataset<Row> users =
        UserEngagementFrames.rows()
            .user("u1", "a1", "free", 0, 0.0, 4.0, "low")
            .user("u2", "a2", "free", 0, 0.0, 8.0, "low")
            .user("u3", "a2", "pro", 3, 50.0, 70.0, "high")
            .toDF();

    // plan/free: u1, u2 both idle -> active_users 0, active mean null; mean (4+8)/2 = 6 =
    //   median; accounts a1, a2: account means 4 and 8 -> 6
    StructType schema =
        new StructType()
            .add("segment_value", DataTypes.StringType)
            .add("active_users", DataTypes.LongType)
            .add("active_mean_score", DataTypes.DoubleType)
            .add("median_score", DataTypes.DoubleType)
            .add("accounts", DataTypes.LongType)
            .add("mean_account_score", DataTypes.DoubleType);
    Dataset<Row> expected = TestFrames.of(schema).row("free", 0L, null, 6.0, 2L, 6.0).toDF();
    assertSameRows(
        expected,
        SegmentRollup.rollup(users, List.of("plan"))
            .where("segment_dimension = 'plan' and segment_value = 'free'")
            .select("segment_value", "active_users", "active_mean_score", "median_score", "accounts", "mean_account_score"));
  }
}
