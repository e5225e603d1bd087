package io.engagement.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Folds a task's rows, sorted by the text key in their first column, into one result per key, as
 * they stream past: the rows of a key are adjacent, so only one key's state is held at a time.
 * The per-user folds of the daily activity and of the window sums are built on it; they read
 * Spark's own rows, whose texts point into the row being read, so the key handed to a new fold is
 * a copy.
 */
public final class KeyRuns {
  private KeyRuns() {}

  /** One key's state: takes the key's rows in order, then gives its result. */
  public interface Fold<T> {
    void add(InternalRow row);

    T result();
  }

  /**
   * @param rows sorted (or at least grouped) by the non-null text in column 0
   * @param start a new fold for a key (a copy the fold may keep)
   * @return one result per run of equal keys, in the rows' order
   */
  public static <T> Iterator<T> fold(Iterator<InternalRow> rows, Function<UTF8String, Fold<T>> start) {
    return new Iterator<>() {
      private UTF8String key;
      private Fold<T> current;
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          InternalRow row = rows.next();
          UTF8String rowKey = row.getUTF8String(0);
          if (current == null || !key.equals(rowKey)) {
            next = current == null ? null : current.result();
            // copy(), not clone(): clone() keeps sharing a buffer that holds nothing but the text.
            key = rowKey.copy();
            current = start.apply(key);
          }
          current.add(row);
        }
        if (next == null && current != null) {
          next = current.result();
          current = null;
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        return result;
      }
    };
  }
}
