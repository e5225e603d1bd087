package io.engagement.input;

import static io.engagement.input.InputSchemas.ACCOUNT_ID;
import static io.engagement.input.InputSchemas.EVENT_ID;
import static io.engagement.input.InputSchemas.EVENT_TIME;
import static io.engagement.input.InputSchemas.RESPONSE_ID;
import static io.engagement.input.InputSchemas.RESPONSE_TIME;
import static io.engagement.input.InputSchemas.SCORE;
import static io.engagement.input.InputSchemas.SIGNUP_DATE;
import static io.engagement.input.InputSchemas.USER_ID;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.engagement.spark.Checkpoints;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.MapType;

/**
 * The row rules of contract.md ("Bad rows: rejected, never lost") over a conformed input frame.
 * Each source is tagged in one narrow pass: a CASE chain gives the first of rules 1-3 that
 * applies, then the rows of ids that repeat among the rows that passed 1-3 are ranked to mark the
 * repeats, and accepted / rejected rows are two filters of that tagged frame ({@link Validated}).
 * Validation runs the Spark jobs of rule 4 itself: a census of the ids' hashes ({@link IdCensus},
 * which also counts the source), and the ranking of the repeated ids' rows, kept in memory.
 */
public final class RecordValidator {
  private RecordValidator() {}

  public static final String OUTSIDE_PARTITION_DAY = "outside_partition_day";
  public static final String SCORE_OUT_OF_RANGE = "score_out_of_range";
  public static final String DUPLICATE_ID = "duplicate_id";
  public static final int MIN_SCORE = 0;
  public static final int MAX_SCORE = 10;

  /**
   * Repeated ids sent to every task at most (8 bytes each, {@link IdKeySet}); more are ranked by a
   * window over every row.
   */
  static final int MAX_REPEATED_IDS_SENT = 1_000_000;

  private static final String COPIES = "__copies";
  private static final String RANK = "__rank";

  /** The reason for a null required column: {@code missing_<column>}. */
  public static String missing(String column) {
    return "missing_" + column;
  }

  /** Events of the partition {@code day}, whose instants are judged in {@code zone}. */
  public static Validated validateEvents(Dataset<Row> events, LocalDate day, ZoneId zone) {
    Column reason =
        firstReason(
            missingReasons(events, InputSchemas.EVENTS_REQUIRED),
            when(not(withinDay(events.col(EVENT_TIME), day, zone)), OUTSIDE_PARTITION_DAY));
    Dataset<Row> tagged = events.withColumn(Validated.REASON_COLUMN, reason);
    return markDuplicates(InputSchemas.EVENTS, tagged, EVENT_ID, col(EVENT_TIME).asc());
  }

  /** Survey responses of the partition {@code day}, whose instants are judged in {@code zone}. */
  public static Validated validateSurveys(Dataset<Row> surveys, LocalDate day, ZoneId zone) {
    Column score = surveys.col(SCORE);
    Column reason =
        firstReason(
            missingReasons(surveys, InputSchemas.SURVEYS_REQUIRED),
            when(not(withinDay(surveys.col(RESPONSE_TIME), day, zone)), OUTSIDE_PARTITION_DAY),
            when(score.lt(MIN_SCORE).or(score.gt(MAX_SCORE)), SCORE_OUT_OF_RANGE));
    Dataset<Row> tagged = surveys.withColumn(Validated.REASON_COLUMN, reason);
    return markDuplicates(InputSchemas.SURVEYS, tagged, RESPONSE_ID, col(RESPONSE_TIME).asc());
  }

  /**
   * The users snapshot: a repeated user_id keeps its latest signup_date (null is oldest), then
   * the smallest account_id (null last).
   */
  public static Validated validateUsers(Dataset<Row> users) {
    Column reason = firstReason(missingReasons(users, InputSchemas.USERS_REQUIRED));
    Dataset<Row> tagged = users.withColumn(Validated.REASON_COLUMN, reason);
    return markDuplicates(
        InputSchemas.USERS, tagged, USER_ID, col(SIGNUP_DATE).desc_nulls_last(), col(ACCOUNT_ID).asc_nulls_last());
  }

  /**
   * True when the instant lies in the calendar day {@code day} of {@code zone}. The bounds are
   * computed in Java as instants, so the test does not depend on the session time zone, a DST
   * day has its true length (23 or 25 hours), and the predicate can be pushed down to Parquet.
   */
  static Column withinDay(Column instant, LocalDate day, ZoneId zone) {
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    return instant.geq(lit(start)).and(instant.lt(lit(end)));
  }

  private static List<Column> missingReasons(Dataset<Row> frame, List<String> required) {
    List<Column> rules = new ArrayList<>();
    for (String column : required) {
      rules.add(when(frame.col(column).isNull(), missing(column)));
    }
    return rules;
  }

  private static Column firstReason(List<Column> first, Column... then) {
    List<Column> rules = new ArrayList<>(first);
    rules.addAll(List.of(then));
    // coalesce of when(...)s = the first rule that applies, in order (a CASE chain).
    return coalesce(rules.toArray(Column[]::new));
  }

  /**
   * Rule 4: among the rows with no reason yet, every row of an id but the first in {@code order}
   * is a duplicate. The remaining tie goes to the smallest JSON text.
   *
   * <p>Almost every id is unique, so the rule is applied in two steps rather than as one window
   * over every row: a census of the ids' hashes alone (8 bytes a row, no row moved whole) finds
   * the ids that occur more than once among valid rows, and counts the rows on the way ({@link
   * IdCensus}); then one scan sets aside the rows of those ids, picked out by their keys ({@link
   * IdCensus#isRepeated}), together with the rows rules 1-3 rejected; only they are ranked, once, and
   * kept (a local checkpoint). The rejected rows are then read from memory, and each reader of
   * the accepted ones scans the input once, leaving out what was set aside. A window over every
   * row shuffled and sorted the whole day, every column: on a 10M-event day with 0.23% of its ids
   * repeated, it was most of the cost of reading the day (benchmarks/). When more than {@code
   * maxRepeatedIds} ids repeat (a file exported twice), there would be too many keys to send to
   * every task: every row is ranked then, which gives the same result.
   */
  private static Validated markDuplicates(String source, Dataset<Row> tagged, String id, Column... order) {
    return markDuplicates(source, tagged, id, MAX_REPEATED_IDS_SENT, order);
  }

  static Validated markDuplicates(
      String source, Dataset<Row> tagged, String id, int maxRepeatedIds, Column... order) {
    Column valid = col(Validated.REASON_COLUMN).isNull();
    // Ids are matched by their 64-bit hash: the census moves 8 bytes per row instead of the id
    // text. A hash collision only makes two unique ids candidates; they are ranked by the ids
    // themselves below, each alone in its window, so the result is exact.
    Column idKey = when(valid, xxhash64(col(id)));
    IdCensus census = IdCensus.take(tagged, idKey);
    if (census.repeatedIds() == 0) {
      // Nothing to rank: only the rows rules 1-3 rejected are set aside, and none when there are
      // none (a filter Spark answers without reading anything).
      census.release();
      Dataset<Row> setAside =
          census.rejectedByRules() == 0 ? tagged.where(lit(false)) : Checkpoints.computeOnce(tagged.where(not(valid)));
      return new Validated(source, tagged, setAside, census.counts(source, 0));
    }
    if (census.repeatedIds() > maxRepeatedIds) {
      census.release();
      Dataset<Row> ranked = rankWithinId(tagged, id, order);
      return new Validated(source, ranked, ranked, countsOf(source, ranked));
    }
    Column setAsideRow = not(valid).or(census.isRepeated(idKey));
    census.release();
    Dataset<Row> setAside = Checkpoints.computeOnce(rankWithinId(tagged.where(setAsideRow), id, order));
    return new Validated(
        source,
        tagged.where(not(setAsideRow)).unionByName(setAside),
        setAside,
        census.counts(source, duplicates(setAside)));
  }

  private static long duplicates(Dataset<Row> tagged) {
    return tagged.where(col(Validated.REASON_COLUMN).equalTo(DUPLICATE_ID)).count();
  }

  /** The counts of a tagged frame, by a Spark job of their own. */
  private static SourceCounts countsOf(String source, Dataset<Row> tagged) {
    Row r =
        tagged
            .agg(count(lit(1)), sum(when(col(Validated.REASON_COLUMN).isNull(), 1L).otherwise(0L)))
            .first();
    long rows = r.getLong(0);
    long accepted = r.isNullAt(1) ? 0 : r.getLong(1);
    return new SourceCounts(source, rows, accepted, rows - accepted);
  }

  /** Ranks the rows of each id (valid rows only) and marks every valid row after the first. */
  private static Dataset<Row> rankWithinId(Dataset<Row> tagged, String id, Column... order) {
    String[] inputColumns =
        Arrays.stream(tagged.columns())
            .filter(c -> !c.equals(Validated.REASON_COLUMN))
            .toArray(String[]::new);
    Column valid = col(Validated.REASON_COLUMN).isNull();
    // Rows already rejected take no part; spreading them by a hash of their values keeps a
    // broken export (millions of null ids) from landing in one window partition.
    Column[] hashable =
        Arrays.stream(tagged.schema().fields())
            .filter(f -> !(f.dataType() instanceof MapType))
            .map(f -> tagged.col(f.name()))
            .toArray(Column[]::new);
    WindowSpec sameId =
        Window.partitionBy(col(id), valid, when(not(valid), xxhash64(hashable)));
    Column tieBreak = when(col(COPIES).gt(1), Validated.recordJson(tagged, inputColumns));
    Column[] fullOrder = Arrays.copyOf(order, order.length + 1);
    fullOrder[order.length] = tieBreak.asc();
    return tagged
        .withColumn(COPIES, count(lit(1)).over(sameId))
        .withColumn(RANK, row_number().over(sameId.orderBy(fullOrder)))
        .withColumn(
            Validated.REASON_COLUMN,
            coalesce(col(Validated.REASON_COLUMN), when(col(RANK).gt(1), DUPLICATE_ID)))
        .drop(COPIES, RANK);
  }

}
