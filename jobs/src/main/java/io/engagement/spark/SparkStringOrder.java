package io.engagement.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Strings in the order Spark sorts them ({@code array_sort}, {@code ORDER BY}, {@code max} of a
 * struct): by their UTF-8 bytes, which is the order of their code points. Java's own
 * {@link String#compareTo} compares UTF-16 units, which puts a character above U+FFFF (an emoji)
 * before one in U+E000..U+FFFF; Spark puts it after. Code that sorts in Java what Spark used to
 * sort uses this order so that the output stays the same.
 */
public final class SparkStringOrder implements Comparator<String>, Serializable {
  public static final SparkStringOrder INSTANCE = new SparkStringOrder();

  private SparkStringOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
