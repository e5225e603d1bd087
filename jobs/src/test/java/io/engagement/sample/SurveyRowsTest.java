package io.engagement.sample;

import static io.engagement.input.InputSchemas.SCORE;
import static io.engagement.input.InputSchemas.SURVEY;
import static io.engagement.input.InputSchemas.SURVEYS_SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SurveyRowsTest {
  private static final LocalDate FROM = LocalDate.parse("2026-10-01");

  @Test
  void badRowsStayUnderOneIn40ValidRows() {
    assertEquals(0, SurveyRows.badRows(0));
    assertEquals(0, SurveyRows.badRows(39));
    // 40 / 40 = 1
    assertEquals(1, SurveyRows.badRows(40));
    // 320 / 40 = 8, one of each kind
    assertEquals(8, SurveyRows.badRows(320));
    // 400 / 40 = 10, but past one of each kind only about 1%: max(8, 400 / 100) = 8
    assertEquals(8, SurveyRows.badRows(400));
    // min(2,000 / 40 = 50, max(8, 2,000 / 100 = 20)) = 20
    assertEquals(20, SurveyRows.badRows(2_000));
  }

  @Test
  void smallDaysGetNoBadRows() {
    Population population = new Population(42, 2_000, FROM, FROM.plusDays(34));
    int kind = 0;
    for (int offset = 0; offset < 35; offset++) {
      SurveyRows.Day day = SurveyRows.forDay(population, FROM.toEpochDay() + offset, kind);
      // 2,000 users: a campaign day brings about 2,000 * (0.9 * 1.5% + 0.1 * 0.5%) * 55% = 15 answers, far from 40.
      assertEquals(0, day.badRows());
      for (Row row : day.rows()) {
        int score = row.getInt(SURVEYS_SCHEMA.fieldIndex(SCORE));
        assertTrue(score >= 0 && score <= 10, "score " + score);
      }
    }
  }

  @Test
  void answersClusterOnCampaignDaysAndMostAreRelationship() {
    Population population = new Population(42, 20_000, FROM, FROM.plusDays(34));
    int campaignDay = SurveyRows.forDay(population, FROM.toEpochDay(), 0).rows().size();
    // Day 3 after the first campaign (2026-10-04) gets the trickle only: 2% of the campaign's answers.
    int quietDay = SurveyRows.forDay(population, FROM.toEpochDay() + 3, 0).rows().size();
    assertTrue(campaignDay > 5 * quietDay, campaignDay + " vs " + quietDay);
    List<Row> rows = SurveyRows.forDay(population, FROM.toEpochDay(), 0).rows();
    long relationship = rows.stream().filter(row -> "relationship".equals(row.getString(SURVEYS_SCHEMA.fieldIndex(SURVEY)))).count();
    assertTrue(relationship > rows.size() / 2);
  }
}
