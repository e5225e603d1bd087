package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.engagement.spark.Checkpoints;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one aggregation over a source's ids tells before rule 4 (duplicates) is applied: how many
 * rows there are, how many rules 1-3 rejected, and which ids repeat among the others. Counting on
 * the way costs nothing more than finding the repeats did, so a source is not read again just to
 * count it.
 *
 * <p>The aggregation's result is kept (a local checkpoint): one row for the rejected rows, one for
 * the rows of ids seen once, and one per repeated id. That is a few rows on a normal day, and the
 * repeated ids are then joined from memory by every reader of the source. A day where most ids
 * repeat (a file exported twice) keeps about a row per id: {@link #release()} frees it as soon
 * as it is known not to be needed.
 */
final class IdCensus {
  /** The id key column of {@link #repeatedIdKeys()}. */
  static final String KEY = "__id_key";

  private static final String COPIES = "__copies";
  private static final String REJECTED = "__rejected";
  private static final String ROWS = "__rows";

  private final Dataset<Row> classes;
  private final long rows;
  private final long rejectedByRules;
  private final long repeatedIds;

  private IdCensus(Dataset<Row> classes, long rows, long rejectedByRules, long repeatedIds) {
    this.classes = classes;
    this.rows = rows;
    this.rejectedByRules = rejectedByRules;
    this.repeatedIds = repeatedIds;
  }

  /**
   * Takes the census: rows are grouped by {@code idKey} (null for a row rules 1-3 rejected), then
   * the groups into classes, which are kept; the counts are then read from the kept classes.
   */
  static IdCensus take(Dataset<Row> tagged, Column idKey) {
    Dataset<Row> classes =
        Checkpoints.computeOnce(
            tagged
                .groupBy(idKey.as(KEY))
                .agg(count(lit(1)).as(COPIES))
                .groupBy(col(KEY).isNull().as(REJECTED), when(col(COPIES).gt(1), col(KEY)).as(KEY))
                .agg(sum(col(COPIES)).as(ROWS)));
    Row totals =
        classes
            .agg(
                sum(col(ROWS)),
                sum(when(col(REJECTED), col(ROWS)).otherwise(0L)),
                count(col(KEY)))
            .first();
    return new IdCensus(
        classes, totals.isNullAt(0) ? 0 : totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1), totals.getLong(2));
  }

  /** Every row of the source. */
  long rows() {
    return rows;
  }

  /** The rows rules 1-3 rejected (those with no id key). */
  long rejectedByRules() {
    return rejectedByRules;
  }

  /** How many id keys occur more than once among the rows rules 1-3 accepted. */
  long repeatedIds() {
    return repeatedIds;
  }

  /** Those id keys, one column {@link #KEY}, read from memory. */
  Dataset<Row> repeatedIdKeys() {
    return classes.where(col(KEY).isNotNull()).select(col(KEY));
  }

  /** The source's counts, given how many of the repeated ids' rows rule 4 rejected. */
  SourceCounts counts(String source, long duplicates) {
    long rejected = rejectedByRules + duplicates;
    return new SourceCounts(source, rows, rows - rejected, rejected);
  }

  /** Frees the kept classes; for a census whose repeated ids nobody will read. */
  void release() {
    Checkpoints.release(classes);
  }
}
