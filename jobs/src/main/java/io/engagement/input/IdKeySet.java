package io.engagement.input;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A fixed set of 64-bit id keys that every row of a source is tested against: the ids that
 * repeat on a day. Almost every row's key is not in it, so the test is built to say "no" from a
 * bitmap small enough to stay in a core's cache (16 bits per key, at most 2 MiB), indexed by the
 * key's top bits (the keys are hashes, so any of their bits will do); only the few keys whose bit
 * is set are looked up in the sorted keys.
 *
 * <p>It replaces a broadcast hash join with the repeated keys: on a 30M-event day with 74k
 * repeated ids, probing the join's hash table cost about 200 ns a row (a cache and TLB miss),
 * twice per row (the set-aside scan and the activity's): 5% of the whole run's CPU in a profile
 * (benchmarks/README.md, change 22).
 */
final class IdKeySet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MIN_BITS = 10;
  private static final int MAX_BITS = 24;
  private static final int BITS_PER_KEY = 16;

  private final long[] sorted;
  private final long[] bitmap;
  private final int shift;

  private IdKeySet(long[] sorted, long[] bitmap, int shift) {
    this.sorted = sorted;
    this.bitmap = bitmap;
    this.shift = shift;
  }

  /** The set of these keys (repeats allowed). */
  static IdKeySet of(long... keys) {
    long[] sorted = Arrays.stream(keys).sorted().distinct().toArray();
    int bits = MIN_BITS;
    while (bits < MAX_BITS && (1L << bits) < (long) sorted.length * BITS_PER_KEY) {
      bits++;
    }
    int shift = Long.SIZE - bits;
    long[] bitmap = new long[1 << (bits - 6)];
    for (long key : sorted) {
      long index = key >>> shift;
      bitmap[(int) (index >>> 6)] |= 1L << index;
    }
    return new IdKeySet(sorted, bitmap, shift);
  }

  boolean contains(long key) {
    long index = key >>> shift;
    // 1L << index shifts by the low 6 bits of index: the bit within its word.
    if ((bitmap[(int) (index >>> 6)] & (1L << index)) == 0) {
      return false;
    }
    return Arrays.binarySearch(sorted, key) >= 0;
  }

  int size() {
    return sorted.length;
  }
}
