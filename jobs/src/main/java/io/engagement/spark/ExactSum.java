package io.engagement.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The exact sum of doubles, rounded once at the end: the same values give the same sum in any
 * order and however they are split and merged, which a plain {@code +=} does not (floating-point
 * addition is not associative).
 *
 * <p>Shewchuk's algorithm (Adaptive Precision Floating-Point Arithmetic, 1997), the one behind
 * Python's {@code math.fsum}: the sum so far is kept as a few non-overlapping partials whose exact
 * total is the exact sum of the values added; {@link #value()} rounds that total to the nearest
 * double. Usually two or three partials are held, so adding costs a few additions.
 *
 * <p>Infinities and NaN are added apart, as plain IEEE sums (whose result does not depend on the
 * order either); a finite sum beyond {@link Double#MAX_VALUE} is not supported.
 */
public final class ExactSum implements DoubleAccumulator<ExactSum>, Serializable {
  private static final long serialVersionUID = 1L;

  private double[] partials = new double[4];
  private int size;
  private double nonFinite;
  private long count;

  /** Adds a value. */
  @Override
  public void add(double value) {
    count++;
    addToPartials(value);
  }

  private void addToPartials(double value) {
    if (!Double.isFinite(value)) {
      nonFinite += value;
      return;
    }
    double x = value;
    int kept = 0;
    for (int j = 0; j < size; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x); // exact, since |x| >= |y|: x + y == hi + lo
      if (lo != 0.0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, 2 * kept);
    }
    partials[kept++] = x;
    size = kept;
  }

  /**
   * Adds the exact product {@code a * b}, as one value: the rounded product and its rounding error,
   * which {@link Math#fma} gives exactly (barring underflow below 1e-290 or so).
   */
  public void addProduct(double a, double b) {
    count++;
    addExactProduct(a, b);
  }

  /** Adds {@code factor} times everything another sum holds, exactly. */
  public void addScaled(ExactSum other, double factor) {
    for (int i = 0; i < other.size; i++) {
      addExactProduct(other.partials[i], factor);
    }
    nonFinite += other.nonFinite * factor;
    count += other.count;
  }

  /** Subtracts the exact product of two sums (every pair of their partials, multiplied exactly). */
  public void subtractProduct(ExactSum a, ExactSum b) {
    for (int i = 0; i < a.size; i++) {
      for (int j = 0; j < b.size; j++) {
        addExactProduct(-a.partials[i], b.partials[j]);
      }
    }
    if (a.nonFinite != 0.0 || b.nonFinite != 0.0 || Double.isNaN(a.nonFinite) || Double.isNaN(b.nonFinite)) {
      nonFinite += Double.NaN;
    }
  }

  private void addExactProduct(double a, double b) {
    double product = a * b;
    addToPartials(product);
    if (Double.isFinite(product)) {
      addToPartials(Math.fma(a, b, -product));
    }
  }

  /** Adds everything another sum holds. */
  @Override
  public void addAll(ExactSum other) {
    for (int i = 0; i < other.size; i++) {
      addToPartials(other.partials[i]);
    }
    nonFinite += other.nonFinite;
    count += other.count;
  }

  /** How many values were added. */
  public long count() {
    return count;
  }

  /** The exact sum rounded to the nearest double (ties to even). */
  public double value() {
    if (nonFinite != 0.0 || Double.isNaN(nonFinite)) {
      return nonFinite;
    }
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    // Partials grow in magnitude: add from the largest down until a step is inexact.
    double hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) {
        break;
      }
    }
    // hi + lo was a tie rounded to even, but the partials below lo push it off the tie: round
    // the other way.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }

  // Bean properties, only for Spark's bean encoder: as an aggregation buffer this travels between
  // tasks as a struct written by generated code, several times cheaper than Java serialisation.

  public double[] getPartials() {
    return Arrays.copyOf(partials, size);
  }

  public void setPartials(double[] partials) {
    this.partials = partials.length == 0 ? new double[4] : partials.clone();
    this.size = partials.length;
  }

  public double getNonFinite() {
    return nonFinite;
  }

  public void setNonFinite(double nonFinite) {
    this.nonFinite = nonFinite;
  }

  public long getCount() {
    return count;
  }

  public void setCount(long count) {
    this.count = count;
  }
}
