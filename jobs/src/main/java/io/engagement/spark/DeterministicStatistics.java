package io.engagement.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Means, standard deviations and correlations of a group's values that come out bit-identical
 * however Spark partitions the rows. Use them in {@code groupBy(...).agg(...)} in place of
 * {@code avg}, {@code stddev_samp} and {@code corr}.
 *
 * <p>Why: Spark's own aggregates add doubles in the order the rows reach each task, and merge the
 * tasks' partial results in the order it reads them. Floating-point addition is not associative,
 * so the same rows give results that differ in their last bits on 1 or on 8 partitions, on a
 * laptop or on a cluster, and even from one run to the next (seen in CI: a mean of
 * account_engagement differed in its last bit between the two sides of DeterminismTest).
 *
 * <p>How: every sum here is an {@link ExactSum}, exact until it is rounded once at the end, so the
 * order of the values cannot show. A spread is n * sum(x^2) - sum(x)^2, and a co-moment n *
 * sum(xy) - sum(x) * sum(y), both also computed exactly (products split exactly with {@link
 * Math#fma}) and rounded once: the textbook formulas, without the cancellation that makes them
 * unusable in plain doubles. Each group holds a few partial sums, whatever its size.
 */
public final class DeterministicStatistics {
  private static final UserDefinedFunction MEAN = functions.udaf(new Mean(), Encoders.DOUBLE());
  private static final UserDefinedFunction SAMPLE_STDDEV =
      functions.udaf(new SampleStddev(), Encoders.DOUBLE());

  private DeterministicStatistics() {}

  /** The mean of the non-null values (their exact sum, rounded, over their count); null when there are none. */
  public static Column mean(Column value) {
    return MEAN.apply(value.cast("double"));
  }

  /** The sample standard deviation of the non-null values; null for fewer than two. */
  public static Column sampleStddev(Column value) {
    return SAMPLE_STDDEV.apply(value.cast("double"));
  }

  /**
   * Pearson's r over the rows where both values are non-null (as {@code corr}); null for fewer
   * than {@code minPairs} pairs, or when either variable has no spread (r is then undefined).
   */
  public static Column correlation(Column x, Column y, int minPairs) {
    return functions
        .udaf(new Correlation(minPairs), Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE()))
        .apply(x.cast("double"), y.cast("double"));
  }

  /** The exact sum over the count. */
  static final class Mean extends DoubleAggregator<ExactSum> {
    private static final long serialVersionUID = 1L;

    Mean() {
      super(ExactSum.class);
    }

    @Override
    public ExactSum zero() {
      return new ExactSum();
    }

    @Override
    public Double finish(ExactSum sum) {
      return sum.count() == 0 ? null : sum.value() / sum.count();
    }
  }

  /** sqrt(spread / (n (n - 1))), the spread being n times the sum of squared deviations. */
  static final class SampleStddev extends DoubleAggregator<Moments> {
    private static final long serialVersionUID = 1L;

    SampleStddev() {
      super(Moments.class);
    }

    @Override
    public Moments zero() {
      return new Moments();
    }

    @Override
    public Double finish(Moments moments) {
      long n = moments.count();
      return n < 2 ? null : Math.sqrt(moments.scaledSpread() / ((double) n * (n - 1)));
    }
  }

  static final class Correlation extends Aggregator<Tuple2<Double, Double>, CoMoments, Double> {
    private static final long serialVersionUID = 1L;
    private final int minPairs;

    Correlation(int minPairs) {
      this.minPairs = minPairs;
    }

    @Override
    public CoMoments zero() {
      return new CoMoments();
    }

    @Override
    public CoMoments reduce(CoMoments moments, Tuple2<Double, Double> pair) {
      if (pair._1() != null && pair._2() != null) {
        moments.add(pair._1(), pair._2());
      }
      return moments;
    }

    @Override
    public CoMoments merge(CoMoments moments, CoMoments other) {
      moments.addAll(other);
      return moments;
    }

    @Override
    public Double finish(CoMoments moments) {
      return moments.count() < minPairs ? null : moments.correlation();
    }

    @Override
    public Encoder<CoMoments> bufferEncoder() {
      return Encoders.bean(CoMoments.class);
    }

    @Override
    public Encoder<Double> outputEncoder() {
      return Encoders.DOUBLE();
    }
  }

  /**
   * An aggregator of doubles into a double that skips nulls, as Spark's aggregates do. Its buffer
   * travels as a bean: a struct written by generated code, which needs no Kryo settings on a
   * cluster and costs far less than Java serialisation.
   */
  abstract static class DoubleAggregator<B extends DoubleAccumulator<B>> extends Aggregator<Double, B, Double> {
    private static final long serialVersionUID = 1L;
    private final Class<B> buffer;

    DoubleAggregator(Class<B> buffer) {
      this.buffer = buffer;
    }

    @Override
    public B reduce(B accumulator, Double value) {
      if (value != null) {
        accumulator.add(value);
      }
      return accumulator;
    }

    @Override
    public B merge(B accumulator, B other) {
      accumulator.addAll(other);
      return accumulator;
    }

    @Override
    public Encoder<B> bufferEncoder() {
      return Encoders.bean(buffer);
    }

    @Override
    public Encoder<Double> outputEncoder() {
      return Encoders.DOUBLE();
    }
  }
}
