package io.engagement.sample;

import java.util.SplittableRandom;

/**
 * The distributions the generator draws from. StrictMath throughout: {@code Math.log} and
 * friends may differ in the last bit between JVMs and CPUs, which would change the bytes of the
 * output for the same seed.
 */
final class Draw {
  private Draw() {}

  /** Poisson: exact (Knuth) for small means, the normal approximation above 30. */
  static int poisson(SplittableRandom rng, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * gaussian(rng)));
    }
    double limit = StrictMath.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= rng.nextDouble();
    }
    return count;
  }

  /** Standard normal (Box-Muller). */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  /** Pareto with minimum 1 and shape alpha, from a uniform u, capped (a heavy user, not a bot). */
  static double pareto(double u, double alpha, double cap) {
    return Math.min(cap, StrictMath.pow(1.0 - u, -1.0 / alpha));
  }

  /** Exponential with the given mean. */
  static double exponential(SplittableRandom rng, double mean) {
    return -mean * StrictMath.log(1.0 - rng.nextDouble());
  }

  /** Geometric on 1, 2, 3, ... with the given mean (at least 1). */
  static int geometric(SplittableRandom rng, double mean) {
    double p = 1.0 / mean;
    int n = 1;
    while (rng.nextDouble() >= p) {
      n++;
    }
    return n;
  }

  /** Log-normal with the given median and shape sigma. */
  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(rng));
  }

  static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }
}
