package io.engagement.pipeline;

import static org.apache.spark.sql.functions.col;

import io.engagement.config.EngagementConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.output.TableReader;
import io.engagement.output.Tables;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Reads {@link DayHistory}: for each table only the days D needs, so partition pruning keeps the
 * cost of a day independent of how much history there is.
 */
public final class HistoryReader {
  /** The 7-day change needs D-7 even when the anomaly baseline is shorter. */
  private static final int CHANGE_DAYS = 7;

  private final TableReader reader;
  private final EngagementConfig config;

  public HistoryReader(TableReader reader, EngagementConfig config) {
    this.reader = reader;
    this.config = config;
  }

  /**
   * @param processedDays the days already processed; the user state comes from the latest before D
   */
  public DayHistory read(LocalDate day, SortedSet<LocalDate> processedDays) {
    LocalDate yesterday = day.minusDays(1);
    SortedSet<LocalDate> before = processedDays.headSet(day);
    Optional<LocalDate> stateDay = before.isEmpty() ? Optional.empty() : Optional.of(before.last());
    LocalDate npsFrom = day.minusDays(config.nps().windowDays() - 1L);
    LocalDate trendFrom = day.minusDays(Math.max(config.anomalies().baselineDays(), CHANGE_DAYS));
    return new DayHistory(
        reader.readDays(Tables.USER_DAILY_ACTIVITY, day.minusDays(config.windowDays() - 1L), yesterday),
        stateDay.flatMap(d -> reader.readDays(Tables.USER_STATE, d, d)),
        reader.readDays(Tables.NPS_RESPONSES, npsFrom, yesterday),
        reader
            .readDays(Tables.USER_ENGAGEMENT, npsFrom, yesterday)
            .map(scores -> scores.select(col(InputSchemas.USER_ID), col(Columns.SCORE_DATE), col(Columns.SCORE))),
        reader.readDays(Tables.ACCOUNT_ENGAGEMENT, trendFrom, yesterday),
        reader.readDays(Tables.SEGMENT_ENGAGEMENT, trendFrom, yesterday),
        reader.readDays(Tables.ACCOUNT_NPS, trendFrom, yesterday),
        reader.readDays(Tables.SEGMENT_NPS, trendFrom, yesterday));
  }
}
