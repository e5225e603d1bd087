package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.engagement.spark.Checkpoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
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
   * Takes the census of 64-bit id keys (null for a row rules 1-3 rejected): the keys are shuffled
   * by value, so all copies of a key meet in one task, and each task counts its share
   * ({@link KeyCounts}); the per-task counts are then summed into classes, which are kept, and the
   * totals read from them.
   *
   * <p>Almost every id is unique, so a hash aggregation's map-side partial counts reduce nothing
   * and its map of every id spilled (30M events: 28 of its 38 s of task time before the shuffle);
   * Spark's sort and a run count over it spent most of their time turning each key into a row
   * object. A task sorts its keys as primitive longs instead (the census of a 30M-event day
   * alone: 12.4 s to 7.6 s).
   */
  static IdCensus take(Dataset<Row> tagged, Column idKey) {
    Dataset<Long> keys = tagged.select(idKey.cast(DataTypes.LongType).as(KEY)).as(Encoders.LONG());
    StructType counts =
        new StructType()
            .add(REJECTED, DataTypes.BooleanType, false)
            .add(KEY, DataTypes.LongType, true)
            .add(ROWS, DataTypes.LongType, false);
    Dataset<Row> classes =
        Checkpoints.computeOnce(
            keys.repartition(col(KEY))
                .mapPartitions(new KeyCounts(), Encoders.row(counts))
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
   * Counts one task's keys: a row per repeated key (rejected false, the key, its copies), then one
   * for the rows of keys seen once and one for the null keys (rows rules 1-3 rejected), each when
   * there are any. The keys are held as primitive longs and sorted, 8 bytes a key: a task holds
   * one shuffle partition's share of the ids, which the partitioning keeps bounded.
   */
  static final class KeyCounts implements MapPartitionsFunction<Long, Row> {
    @Override
    public Iterator<Row> call(Iterator<Long> keys) {
      long[] sorted = new long[1024];
      int size = 0;
      long rejected = 0;
      while (keys.hasNext()) {
        Long key = keys.next();
        if (key == null) {
          rejected++;
          continue;
        }
        if (size == sorted.length) {
          sorted = Arrays.copyOf(sorted, size * 2);
        }
        sorted[size++] = key;
      }
      Arrays.sort(sorted, 0, size);
      List<Row> out = new ArrayList<>();
      long unique = 0;
      for (int start = 0; start < size; ) {
        int end = start + 1;
        while (end < size && sorted[end] == sorted[start]) {
          end++;
        }
        if (end - start == 1) {
          unique++;
        } else {
          out.add(RowFactory.create(false, sorted[start], (long) (end - start)));
        }
        start = end;
      }
      if (unique > 0) {
        out.add(RowFactory.create(false, null, unique));
      }
      if (rejected > 0) {
        out.add(RowFactory.create(true, null, rejected));
      }
      return out.iterator();
    }
  }
}
