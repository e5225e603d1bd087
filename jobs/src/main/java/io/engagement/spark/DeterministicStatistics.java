package io.engagement.spark;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * Means, standard deviations and correlations of a group's values that come out bit-identical
 * however Spark partitions the rows. Use them in {@code groupBy(...).agg(...)} in place of
 * {@code avg}, {@code stddev_samp} and {@code corr}.
 *
 * <p>Why: Spark's own aggregates add doubles in the order the rows reach each task, and merge the
 * tasks' partial results in the order it reads them. Floating-point addition is not associative,
 * so the same rows give results that differ in their last bits on 1 or on 8 partitions, on a
 * laptop or on a cluster, and even from one run to the next when a hash aggregation runs short of
 * memory and falls back to sorting (seen in CI: account_engagement means of the same day differed
 * between the two sides of DeterminismTest).
 *
 * <ul>
 *   <li>A mean divides an {@link ExactSum} (the exact sum, rounded once) by the count: cheap for
 *       any group, the largest being the whole business, one value per user.
 *   <li>A deviation or a correlation folds the group's values sorted (Welford's update, as
 *       Spark's central moments): the same values, the same order, the same result. The group's
 *       values are held together, 8 bytes a value (16 a pair), so these are for the small groups
 *       they serve: an anomaly baseline's days, a segment's survey respondents.
 * </ul>
 */
public final class DeterministicStatistics {
  private static final String N = "n";
  private static final String X = "x";
  private static final String Y = "y";
  private static final String MEAN_X = "mean_x";
  private static final String MEAN_Y = "mean_y";
  private static final String CO_MOMENT = "c_xy";
  private static final String M2_X = "m2_x";
  private static final String M2_Y = "m2_y";

  private static final UserDefinedFunction EXACT_MEAN = functions.udaf(new ExactMean(), Encoders.DOUBLE());

  private DeterministicStatistics() {}

  /** The mean of the non-null values (their exact sum, rounded, divided by their count); null when there are none. */
  public static Column mean(Column value) {
    return EXACT_MEAN.apply(value.cast("double"));
  }

  /** The sample standard deviation of the non-null values; null for fewer than two. */
  public static Column sampleStddev(Column value) {
    // The pairs (x, x): m2_x is then x's own sum of squared deviations.
    Column moments = coMoments(value, value);
    return when(moments.getField(N).gt(1), sqrt(moments.getField(M2_X).divide(moments.getField(N).minus(1))));
  }

  /**
   * Pearson's r over the rows where both values are non-null; null for fewer than {@code minPairs}
   * pairs or when either variable has no spread (r is then undefined, and dividing by a zero
   * spread is an error in ANSI mode).
   */
  public static Column correlation(Column x, Column y, int minPairs) {
    Column moments = coMoments(x, y);
    Column spreadX = moments.getField(M2_X);
    Column spreadY = moments.getField(M2_Y);
    // The (n - 1) of the covariance and of both variances cancel out.
    return when(
        moments.getField(N).geq(minPairs).and(spreadX.gt(0)).and(spreadY.gt(0)),
        moments.getField(CO_MOMENT).divide(sqrt(spreadX.multiply(spreadY))));
  }

  /**
   * Welford's one-pass update (the one Spark's central moments use) over the pairs sorted by x then
   * y: the count, both means, the co-moment sum((x - mean_x)(y - mean_y)) and both sums of squared
   * deviations. Pairs with a null are skipped, as {@code covar_samp} skips them.
   */
  private static Column coMoments(Column x, Column y) {
    Column complete = when(x.isNotNull().and(y.isNotNull()), struct(x.cast("double").as(X), y.cast("double").as(Y)));
    Column pairs = sort_array(collect_list(complete));
    Column zero =
        struct(
            lit(0L).as(N),
            lit(0.0).as(MEAN_X),
            lit(0.0).as(MEAN_Y),
            lit(0.0).as(CO_MOMENT),
            lit(0.0).as(M2_X),
            lit(0.0).as(M2_Y));
    return aggregate(
        pairs,
        zero,
        (acc, pair) -> {
          Column n = acc.getField(N).plus(1);
          Column px = pair.getField(X);
          Column py = pair.getField(Y);
          Column dx = px.minus(acc.getField(MEAN_X));
          Column dy = py.minus(acc.getField(MEAN_Y));
          Column meanX = acc.getField(MEAN_X).plus(dx.divide(n));
          Column meanY = acc.getField(MEAN_Y).plus(dy.divide(n));
          return struct(
              n.as(N),
              meanX.as(MEAN_X),
              meanY.as(MEAN_Y),
              acc.getField(CO_MOMENT).plus(dx.multiply(py.minus(meanY))).as(CO_MOMENT),
              acc.getField(M2_X).plus(dx.multiply(px.minus(meanX))).as(M2_X),
              acc.getField(M2_Y).plus(dy.multiply(py.minus(meanY))).as(M2_Y));
        });
  }

  /** The aggregator behind {@link #mean}: nulls are skipped, as {@code avg} skips them. */
  static final class ExactMean extends Aggregator<Double, ExactSum, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public ExactSum zero() {
      return new ExactSum();
    }

    @Override
    public ExactSum reduce(ExactSum sum, Double value) {
      if (value != null) {
        sum.add(value);
      }
      return sum;
    }

    @Override
    public ExactSum merge(ExactSum sum, ExactSum other) {
      sum.addAll(other);
      return sum;
    }

    @Override
    public Double finish(ExactSum sum) {
      return sum.count() == 0 ? null : sum.value() / sum.count();
    }

    /** Java serialization rather than Kryo: it works whatever Kryo settings a cluster has. */
    @Override
    public Encoder<ExactSum> bufferEncoder() {
      return Encoders.javaSerialization(ExactSum.class);
    }

    @Override
    public Encoder<Double> outputEncoder() {
      return Encoders.DOUBLE();
    }
  }
}
