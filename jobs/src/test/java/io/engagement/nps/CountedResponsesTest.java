package io.engagement.nps;

import static io.engagement.nps.NpsFixtures.DAY;
import static io.engagement.nps.NpsFixtures.addResponse;
import static io.engagement.nps.NpsFixtures.addResponseAt;

import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Which responses NPS counts. An invalid later answer (say a score of 11) never reaches this step:
 * input validation rejects it, so a user's valid earlier answer still counts.
 */
class CountedResponsesTest {
  // window 10 days ending D = 2026-11-03: 2026-11-03 - 9 days = 2026-10-25 .. 2026-11-03
  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-25");
  private static final LocalDate BEFORE_WINDOW = LocalDate.parse("2026-10-24");

  @Test
  void keepsTheLatestResponsePerUserWithinTheWindow() {
    TestFrames window = NpsFixtures.responses();
    // u1: r2 is later than r1
    addResponseAt(window, "r1", "2026-11-01T10:00:00Z", LocalDate.parse("2026-11-01"), "u1", "a1", "pro", "rel", 3, "detractor");
    addResponseAt(window, "r2", "2026-11-02T09:00:00Z", LocalDate.parse("2026-11-02"), "u1", "a1", "pro", "rel", 9, "promoter");
    // u2: same response_time, the larger response_id wins ("r4" > "r3")
    addResponseAt(window, "r4", "2026-11-02T12:00:00Z", LocalDate.parse("2026-11-02"), "u2", "a1", "pro", "rel", 8, "passive");
    addResponseAt(window, "r3", "2026-11-02T12:00:00Z", LocalDate.parse("2026-11-02"), "u2", "a1", "pro", "rel", 1, "detractor");
    // u3: only a response the day before the window: not counted
    addResponse(window, "r5", BEFORE_WINDOW, "u3", "a1", "pro", "rel", 10, "promoter");
    // u4: a response on the window's first day counts
    addResponse(window, "r6", FIRST_DAY, "u4", "a1", "pro", "rel", 7, "passive");
    // u5: the older response is outside the window, the newer one counts
    addResponse(window, "r7", BEFORE_WINDOW, "u5", "a1", "pro", "rel", 0, "detractor");
    addResponse(window, "r8", LocalDate.parse("2026-10-30"), "u5", "a1", "pro", "rel", 10, "promoter");

    Dataset<Row> actual = CountedResponses.latestPerUser(window.toDF(), NpsFixtures.nps(10, 30), DAY);

    TestFrames expected = NpsFixtures.responses();
    addResponseAt(expected, "r2", "2026-11-02T09:00:00Z", LocalDate.parse("2026-11-02"), "u1", "a1", "pro", "rel", 9, "promoter");
    addResponseAt(expected, "r4", "2026-11-02T12:00:00Z", LocalDate.parse("2026-11-02"), "u2", "a1", "pro", "rel", 8, "passive");
    addResponse(expected, "r6", FIRST_DAY, "u4", "a1", "pro", "rel", 7, "passive");
    addResponse(expected, "r8", LocalDate.parse("2026-10-30"), "u5", "a1", "pro", "rel", 10, "promoter");
    DataFrameAssertions.assertSameRows(expected.toDF(), actual);
  }

  @Test
  void countsOnlyTheConfiguredSurveys() {
    Dataset<Row> window = twoSurveys();

    Dataset<Row> actual =
        CountedResponses.latestPerUser(window, NpsFixtures.nps(10, 30, "relationship"), DAY);

    // u6: its later transactional answer r10 does not count, its relationship answer r9 does;
    // u7 answered only the transactional survey: no row
    TestFrames expected = NpsFixtures.responses();
    addResponse(expected, "r9", LocalDate.parse("2026-10-30"), "u6", "a1", "pro", "relationship", 9, "promoter");
    DataFrameAssertions.assertSameRows(expected.toDF(), actual);
  }

  @Test
  void anEmptySurveyListCountsEverySurvey() {
    Dataset<Row> actual = CountedResponses.latestPerUser(twoSurveys(), NpsFixtures.nps(10, 30), DAY);

    TestFrames expected = NpsFixtures.responses();
    addResponse(expected, "r10", LocalDate.parse("2026-11-02"), "u6", "a1", "pro", "transactional", 2, "detractor");
    addResponse(expected, "r11", LocalDate.parse("2026-11-01"), "u7", "a1", "pro", "transactional", 8, "passive");
    DataFrameAssertions.assertSameRows(expected.toDF(), actual);
  }

  private static Dataset<Row> twoSurveys() {
    TestFrames window = NpsFixtures.responses();
    addResponse(window, "r9", LocalDate.parse("2026-10-30"), "u6", "a1", "pro", "relationship", 9, "promoter");
    addResponse(window, "r10", LocalDate.parse("2026-11-02"), "u6", "a1", "pro", "transactional", 2, "detractor");
    addResponse(window, "r11", LocalDate.parse("2026-11-01"), "u7", "a1", "pro", "transactional", 8, "passive");
    return window.toDF();
  }
}
