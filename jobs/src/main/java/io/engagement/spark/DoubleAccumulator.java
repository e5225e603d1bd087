package io.engagement.spark;

/** What an aggregation buffer of doubles does: take one more value, or take in a partial buffer of its kind. */
interface DoubleAccumulator<B> {
  void add(double value);

  void addAll(B other);
}
