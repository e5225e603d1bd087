package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.engagement.spark.Checkpoints;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What one pass over a source's ids tells before rule 4 (duplicates) is applied: how many
 * rows there are, how many rules 1-3 rejected, and which ids repeat among the others. Counting on
 * the way costs nothing more than finding the repeats did, so a source is not read again just to
 * count it.
 *
 * <p>The census's result is kept (a local checkpoint): one row for the rejected rows, one for
 * the rows of ids seen once, and one per repeated id. That is a few rows on a normal day, and the
 * repeated ids are then joined from memory by every reader of the source. A day where most ids
 * repeat (a file exported twice) keeps about a row per id: {@link #release()} frees it as soon
 * as it is known not to be needed.
 */
final class IdCensus {
  /** The id key column of {@link #repeatedIdKeys()}. */
  static final String KEY = "__id_key";

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
   * Takes the census: the id keys (null for a row rules 1-3 rejected) are shuffled by key and
   * sorted, so each task counts runs of equal keys ({@link KeyRuns}); the per-task counts are then
   * summed into classes, which are kept, and the totals read from them.
   *
   * <p>Sorted runs rather than a hash aggregation: almost every id is unique, so an aggregation's
   * map-side partial counts reduce nothing and its hash map of every id spilled to disk (measured
   * on a 30M-event day: 28 of the 38 s of task time before the shuffle went to building it).
   */
  static IdCensus take(Dataset<Row> tagged, Column idKey) {
    Dataset<Row> keys = tagged.select(idKey.as(KEY));
    StructType runs =
        new StructType()
            .add(REJECTED, DataTypes.BooleanType, false)
            .add(KEY, keys.schema().apply(KEY).dataType(), true)
            .add(ROWS, DataTypes.LongType, false);
    Dataset<Row> classes =
        Checkpoints.computeOnce(
            keys.repartition(col(KEY))
                .sortWithinPartitions(col(KEY).asc_nulls_first())
                .mapPartitions(new KeyRuns(), Encoders.row(runs))
                .groupBy(col(REJECTED), col(KEY))
                .agg(sum(col(ROWS)).as(ROWS)));
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

  /**
   * Counts one task's sorted keys: a row per repeated key (rejected false, the key, its copies),
   * then one for the rows of keys seen once and one for the null keys (rows rules 1-3 rejected),
   * each when there are any. Rows stream through: nothing but the current run is held.
   */
  static final class KeyRuns implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> sorted) {
      return new Iterator<>() {
        private final Deque<Row> ready = new ArrayDeque<>();
        private long rejected;
        private long unique;
        private Object key;
        private long copies;
        private boolean summarised;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && !summarised) {
            if (sorted.hasNext()) {
              take(sorted.next().get(0));
            } else {
              endRun();
              if (unique > 0) {
                ready.add(RowFactory.create(false, null, unique));
              }
              if (rejected > 0) {
                ready.add(RowFactory.create(true, null, rejected));
              }
              summarised = true;
            }
          }
          return !ready.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return ready.poll();
        }

        private void take(Object next) {
          if (next == null) {
            rejected++;
          } else if (copies > 0 && next.equals(key)) {
            copies++;
          } else {
            endRun();
            key = next;
            copies = 1;
          }
        }

        private void endRun() {
          if (copies == 1) {
            unique++;
          } else if (copies > 1) {
            ready.add(RowFactory.create(false, key, copies));
          }
          copies = 0;
        }
      };
    }
  }
}
