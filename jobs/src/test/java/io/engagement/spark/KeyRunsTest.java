package io.engagement.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class KeyRunsTest {
  /** Counts a key's rows; reports the key it was started with. */
  private static final class Count implements KeyRuns.Fold<String> {
    private final UTF8String key;
    private int rows;

    Count(UTF8String key) {
      this.key = key;
    }

    @Override
    public void add(InternalRow row) {
      rows++;
    }

    @Override
    public String result() {
      return key + "=" + rows;
    }
  }

  /**
   * The rows' keys are views of one buffer, rewritten for every row, as Spark's rows are reused:
   * a fold that kept the key without copying it would report the last row's key.
   */
  private static Iterator<InternalRow> rows(String... keys) {
    byte[] buffer = new byte[2];
    UTF8String view = UTF8String.fromBytes(buffer);
    GenericInternalRow row = new GenericInternalRow(new Object[] {view});
    List<String> all = List.of(keys);
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        return at < all.size();
      }

      @Override
      public InternalRow next() {
        byte[] key = all.get(at++).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(key, 0, buffer, 0, 2);
        return row;
      }
    };
  }

  private static List<String> fold(String... keys) {
    List<String> out = new ArrayList<>();
    KeyRuns.fold(rows(keys), Count::new).forEachRemaining(out::add);
    return out;
  }

  @Test
  void oneResultPerRunOfEqualKeysInOrder() {
    // Runs, not groups: a key that comes back after another starts a new fold.
    assertEquals(List.of("aa=2", "bb=1", "aa=1"), fold("aa", "aa", "bb", "aa"));
  }

  @Test
  void noRowsNoResults() {
    assertEquals(List.of(), fold());
  }
}
