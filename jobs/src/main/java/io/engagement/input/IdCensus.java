package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.engagement.spark.Checkpoints;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
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
 * repeated ids are then read from memory ({@link #isRepeated}). A day where most ids repeat (a
 * file exported twice) keeps about a row per id: {@link #release()} frees it as soon as it is
 * known not to be needed.
 */
final class IdCensus {
  /** The id key column of {@link #repeatedIdKeys()}. */
  static final String KEY = "__id_key";

  private static final String SHUFFLE_PARTITIONS_KEY = "spark.sql.shuffle.partitions";
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
   * and its map of every id spilled (30M events: 28 of its 38 s of task time before the shuffle).
   * Nor are the keys shuffled one row each: Spark then writes, reads and turns into an object
   * every one of them, which cost more than the scan itself. Each task packs its keys, split into
   * {@code spark.sql.shuffle.partitions} buckets by value, into chunks of {@link
   * KeyChunks#CHUNK_KEYS} keys ({@link KeyChunks}); the chunks of a bucket meet in one task, which
   * sorts their keys as primitive longs and counts the runs (benchmarks/README.md, changes 17 and
   * 24).
   */
  static IdCensus take(Dataset<Row> tagged, Column idKey) {
    Dataset<Long> keys = tagged.select(idKey.cast(DataTypes.LongType).as(KEY)).as(Encoders.LONG());
    int buckets = Integer.parseInt(tagged.sparkSession().conf().get(SHUFFLE_PARTITIONS_KEY));
    StructType counts =
        new StructType()
            .add(REJECTED, DataTypes.BooleanType, false)
            .add(KEY, DataTypes.LongType, true)
            .add(ROWS, DataTypes.LongType, false);
    Dataset<Row> classes =
        Checkpoints.computeOnce(
            keys.mapPartitions(new KeyChunks(buckets), Encoders.row(KeyChunks.SCHEMA))
                .repartition(buckets, col(KeyChunks.BUCKET))
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

  /**
   * True for a row whose key (of the same kind as the census's) is one of {@link
   * #repeatedIdKeys()}; false for a null key. The keys are collected and sent to every task once,
   * 8 bytes each: call it only for a bounded number of repeated ids.
   */
  Column isRepeated(Column idKey) {
    long[] keys = repeatedIdKeys().as(Encoders.LONG()).collectAsList().stream().mapToLong(Long::longValue).toArray();
    Broadcast<IdKeySet> repeated =
        JavaSparkContext.fromSparkContext(classes.sparkSession().sparkContext()).broadcast(IdKeySet.of(keys));
    UDF1<Long, Boolean> test = key -> key != null && repeated.value().contains(key);
    return udf(test, DataTypes.BooleanType).apply(idKey);
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
   * Packs one task's keys into chunks by bucket: rows of (bucket, up to {@link #CHUNK_KEYS} keys
   * as 8 bytes each, 0), emitted as soon as a bucket's chunk is full, and one row (0, null, n)
   * for the n null keys (rows rules 1-3 rejected). A task holds at most one chunk per bucket.
   */
  static final class KeyChunks implements MapPartitionsFunction<Long, Row> {
    static final String BUCKET = "__bucket";
    static final String KEYS = "__keys";
    static final String NULL_KEYS = "__null_keys";
    static final StructType SCHEMA =
        new StructType()
            .add(BUCKET, DataTypes.IntegerType, false)
            .add(KEYS, DataTypes.BinaryType, true)
            .add(NULL_KEYS, DataTypes.LongType, false);
    /** 16,384 keys, 128 KiB: well under any shuffle's record size limit. */
    static final int CHUNK_KEYS = 16_384;

    private final int buckets;

    KeyChunks(int buckets) {
      this.buckets = buckets;
    }

    static int bucketOf(long key, int buckets) {
      return (int) Math.floorMod(key, (long) buckets);
    }

    @Override
    public Iterator<Row> call(Iterator<Long> keys) {
      long[][] chunks = new long[buckets][];
      int[] sizes = new int[buckets];
      return new Iterator<>() {
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private long nullKeys;
        private boolean flushed;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && keys.hasNext()) {
            Long key = keys.next();
            if (key == null) {
              nullKeys++;
              continue;
            }
            int bucket = bucketOf(key, buckets);
            if (chunks[bucket] == null) {
              chunks[bucket] = new long[CHUNK_KEYS];
            }
            chunks[bucket][sizes[bucket]++] = key;
            if (sizes[bucket] == CHUNK_KEYS) {
              ready.add(chunk(bucket));
            }
          }
          if (ready.isEmpty() && !flushed) {
            flushed = true;
            for (int bucket = 0; bucket < buckets; bucket++) {
              if (sizes[bucket] > 0) {
                ready.add(chunk(bucket));
              }
            }
            if (nullKeys > 0) {
              ready.add(RowFactory.create(0, null, nullKeys));
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

        private Row chunk(int bucket) {
          ByteBuffer bytes = ByteBuffer.allocate(sizes[bucket] * Long.BYTES);
          bytes.asLongBuffer().put(chunks[bucket], 0, sizes[bucket]);
          sizes[bucket] = 0;
          return RowFactory.create(bucket, bytes.array(), 0L);
        }
      };
    }
  }

  /**
   * Counts one task's keys, given as the chunks of {@link KeyChunks}: a row per repeated key
   * (rejected false, the key, its copies), then one for the rows of keys seen once and one for
   * the null keys (rows rules 1-3 rejected), each when there are any. The keys are held as
   * primitive longs and sorted, 8 bytes a key: a task holds one shuffle partition's share of the
   * ids, which the partitioning keeps bounded.
   */
  static final class KeyCounts implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> chunks) {
      long[] sorted = new long[1024];
      int size = 0;
      long rejected = 0;
      while (chunks.hasNext()) {
        Row chunk = chunks.next();
        rejected += chunk.getLong(2);
        if (chunk.isNullAt(1)) {
          continue;
        }
        LongBuffer keys = ByteBuffer.wrap((byte[]) chunk.get(1)).asLongBuffer();
        int n = keys.remaining();
        if (size + n > sorted.length) {
          sorted = Arrays.copyOf(sorted, Math.max(size + n, sorted.length * 2));
        }
        keys.get(sorted, size, n);
        size += n;
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
