package io.engagement.sample;

import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of values with relative weights, picked by a uniform draw. */
final class Weighted<T> {
  private final List<T> values;
  private final double[] cumulative;

  private Weighted(List<T> values, double[] weights) {
    if (values.size() != weights.length || values.isEmpty()) {
      throw new IllegalArgumentException("one weight per value, at least one value");
    }
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      cumulative[i] = total;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= total;
    }
  }

  static <T> Weighted<T> of(List<T> values, double... weights) {
    return new Weighted<>(values, weights);
  }

  /** Equal weights. */
  static <T> Weighted<T> uniform(List<T> values) {
    double[] weights = new double[values.size()];
    java.util.Arrays.fill(weights, 1.0);
    return new Weighted<>(values, weights);
  }

  T pick(double u) {
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  T pick(SplittableRandom rng) {
    return pick(rng.nextDouble());
  }
}
