package io.engagement.sample;

/**
 * Stateless seed mixing (the SplitMix64 finaliser). Every random choice of the generator is
 * derived from the spec's seed and the coordinates of what is being generated (a user, a day, a
 * chunk), never from a shared sequence, so the output does not depend on how Spark splits or
 * orders the work.
 */
final class Seeds {
  private Seeds() {}

  /**
   * What a derived seed is for, so two uses of the same coordinates draw independently. Append
   * only: the ordinal is part of every seed, so reordering would change all generated data.
   */
  enum Purpose {
    USER_ACTIVE,
    USER_WEIGHT,
    USER_SIGNUP,
    USER_PLAN,
    USER_REGION,
    USER_MOBILE,
    USER_SENTIMENT,
    USER_UNHAPPY,
    ACCOUNT_SIZE,
    ACCOUNT_PLAN,
    ACCOUNT_REGION,
    ACCOUNT_INDUSTRY,
    DAY_VOLUME,
    EVENTS,
    USERS,
    SURVEY_DAY,
    SURVEY_RELATIONSHIP,
    SURVEY_LAG,
    SURVEY_TRANSACTIONAL
  }

  static long mix(long seed, Purpose purpose, long a) {
    return scramble(scramble(scramble(seed) ^ purpose.ordinal()) ^ a);
  }

  static long mix(long seed, Purpose purpose, long a, long b) {
    return scramble(mix(seed, purpose, a) ^ b);
  }

  /** A uniform double in [0, 1) for the given coordinates. */
  static double unit(long seed, Purpose purpose, long a) {
    return toUnit(mix(seed, purpose, a));
  }

  static double unit(long seed, Purpose purpose, long a, long b) {
    return toUnit(mix(seed, purpose, a, b));
  }

  private static double toUnit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  private static long scramble(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
