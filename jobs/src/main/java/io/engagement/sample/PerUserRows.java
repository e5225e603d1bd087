package io.engagement.sample;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * Rows generated user by user for one chunk of the population, lazily: a Spark task holds at
 * most one user's rows at a time, whatever the size of the day. Subclasses say what a user's
 * rows are; this class walks the chunk's users.
 */
abstract class PerUserRows implements Iterator<Row> {
  private final ArrayDeque<Row> buffer = new ArrayDeque<>();
  private final int userEnd;
  private int nextUser;

  /** The users of chunk {@code chunk} of {@code chunks}: an even cut of 0 .. users-1. */
  PerUserRows(int users, int chunk, int chunks) {
    this.nextUser = (int) ((long) chunk * users / chunks);
    this.userEnd = (int) ((long) (chunk + 1) * users / chunks);
  }

  /** Emits the rows of one user (none is fine). */
  protected abstract void generateUser(int user);

  protected final void emit(Row row) {
    buffer.add(row);
  }

  @Override
  public final boolean hasNext() {
    while (buffer.isEmpty() && nextUser < userEnd) {
      generateUser(nextUser++);
    }
    return !buffer.isEmpty();
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.poll();
  }
}
