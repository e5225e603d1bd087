package io.engagement.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The week-over-week change of a roll-up series (metrics.md 10): {@code value(D) - value(D-7)},
 * null when either day has no value. Comparing with the same weekday removes the weekly cycle that
 * a day-over-day change would show as noise.
 */
public final class SevenDayChange {
  private static final String PREVIOUS = "_week_ago_";

  private SevenDayChange() {}

  /**
   * @param today the rows of {@code day}
   * @param history rows of earlier days (only those of day - 7 are read; rows of other days,
   *     {@code day} itself included, are ignored), with the key, date and value columns
   * @return today's rows with {@code changeColumn} added just before {@code dateColumn} (so the
   *     date column stays last), or at the end when today has no {@code dateColumn}
   */
  public static Dataset<Row> add(
      Dataset<Row> today,
      Dataset<Row> history,
      List<String> keyColumns,
      String dateColumn,
      String valueColumn,
      String changeColumn,
      LocalDate day) {
    List<Column> previousColumns = new ArrayList<>();
    keyColumns.forEach(key -> previousColumns.add(col(key).as(PREVIOUS + key)));
    previousColumns.add(col(valueColumn).as(PREVIOUS + valueColumn));
    Dataset<Row> weekAgo =
        history
            .filter(col(dateColumn).equalTo(lit(day.minusDays(7))))
            .select(previousColumns.toArray(Column[]::new));

    Column sameGroup = lit(true);
    for (String key : keyColumns) {
      sameGroup = sameGroup.and(today.col(key).eqNullSafe(weekAgo.col(PREVIOUS + key)));
    }
    Dataset<Row> joined =
        today
            .join(weekAgo, sameGroup, "left")
            .withColumn(changeColumn, col(valueColumn).minus(col(PREVIOUS + valueColumn)));

    List<String> order = new ArrayList<>(Arrays.asList(today.columns()));
    order.remove(changeColumn);
    int datePosition = order.indexOf(dateColumn);
    order.add(datePosition < 0 ? order.size() : datePosition, changeColumn);
    return joined.select(order.stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
