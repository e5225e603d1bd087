package io.engagement.spark;

import java.io.Serializable;

/**
 * The count, exact sum and exact sum of squares of a variable's values: enough for its mean and
 * spread, the same whatever the order the values come in or how partial moments are merged.
 */
public final class Moments implements DoubleAccumulator<Moments>, Serializable {
  private static final long serialVersionUID = 1L;

  private ExactSum sum = new ExactSum();
  private ExactSum squares = new ExactSum();

  @Override
  public void add(double value) {
    sum.add(value);
    squares.addProduct(value, value);
  }

  @Override
  public void addAll(Moments other) {
    sum.addAll(other.sum);
    squares.addAll(other.squares);
  }

  long count() {
    return sum.count();
  }

  /**
   * n times the sum of squared deviations from the mean: n * sum(x^2) - sum(x)^2, computed exactly
   * and rounded once, so it cannot suffer the cancellation that the formula suffers in doubles.
   */
  double scaledSpread() {
    return scaledCoMoment(this, this, squares);
  }

  /**
   * n * sum(x * y) - sum(x) * sum(y), exactly, rounded once: n times the co-moment
   * sum((x - mean_x)(y - mean_y)).
   */
  static double scaledCoMoment(Moments x, Moments y, ExactSum products) {
    ExactSum scaled = new ExactSum();
    scaled.addScaled(products, x.count());
    scaled.subtractProduct(x.sum, y.sum);
    return scaled.value();
  }

  // Bean properties, only for Spark's bean encoder: as an aggregation buffer this travels between
  // tasks as a struct written by generated code, several times cheaper than Java serialisation.

  public ExactSum getSum() {
    return sum;
  }

  public void setSum(ExactSum sum) {
    this.sum = sum;
  }

  public ExactSum getSquares() {
    return squares;
  }

  public void setSquares(ExactSum squares) {
    this.squares = squares;
  }
}
