package io.engagement.privacy;

import static org.apache.spark.sql.functions.regexp_replace;

import io.engagement.input.InputSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Masks e-mail addresses and phone numbers inside survey comments, the two kinds of contact
 * details people type into free text. Spark's {@code regexp_replace} (Java regular expressions)
 * does it in the plan, without a UDF. The patterns aim at the usual written forms and keep scores,
 * dates and version numbers; they are no guarantee that a comment holds no personal data (names,
 * addresses and unusual formats pass: see docs/privacy.md).
 */
public final class CommentRedactor {
  private CommentRedactor() {}

  /** What an e-mail address becomes. */
  public static final String EMAIL_MARK = "[email]";

  /** What a phone number becomes. */
  public static final String PHONE_MARK = "[phone]";

  /**
   * An e-mail address: a local part of letters, digits and {@code . _ % + -}, then {@code @} and a
   * domain of dot-separated labels ending in a top-level domain of two letters or more (so {@code
   * a.b+c@d.co.uk} is one address, a trailing full stop is left alone).
   */
  public static final String EMAIL = "[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}";

  /**
   * A phone number: at least nine digits, optionally led by {@code +}, in groups separated by one
   * space, hyphen or dot, an area code possibly in parentheses ({@code +33 6 12 34 56 78}, {@code
   * (555) 123-4567}, {@code 555-123-4567}, {@code 07700 900123}, {@code +15551234567}).
   *
   * <ul>
   *   <li>{@code (?<![\w+]|\d[.-])}: it starts a number, neither glued to a word (an identifier
   *       such as {@code A123456789}) nor right after a digit and a hyphen or dot, so no match
   *       starts inside a date or a version;
   *   <li>{@code (?!(?:\d{4}([./-])\d\d?\1\d\d?|\d\d?([./-])\d\d?\2\d{4})(?!\d))}: it
   *       does not start with a date ({@code 2026-11-04}, {@code 04.11.2026}), so a date followed
   *       by an hour ({@code 2026-11-04 10:30}) is not read as ten digits;
   *   <li>{@code (?=\+?(?:[ ().-]{0,2}\d){9})}: nine digits lie ahead with at most two separator
   *       characters between two of them, so short numbers ({@code 9}, {@code 2.1.3}, a date of
   *       eight digits) never match;
   *   <li>then the number itself: digit groups joined by a separator, or by a closing parenthesis
   *       and an optional separator.
   * </ul>
   */
  public static final String PHONE =
      "(?<![\\w+]|\\d[.-])"
          + "(?!(?:\\d{4}([./-])\\d\\d?\\1\\d\\d?|\\d\\d?([./-])\\d\\d?\\2\\d{4})(?!\\d))"
          + "(?=\\+?(?:[ ().-]{0,2}\\d){9})"
          + "\\+?\\(?\\d+(?:(?:\\)[ .-]?|[ .-]\\(?)\\d+)*";

  /** The comment with every e-mail address and phone number masked (null stays null). */
  public static Column redact(Column comment) {
    // E-mail first: an address may hold a run of digits that would otherwise read as a phone.
    return regexp_replace(regexp_replace(comment, EMAIL, EMAIL_MARK), PHONE, PHONE_MARK);
  }

  /** The frame with its {@code comment} column redacted in place. */
  public static Dataset<Row> redact(Dataset<Row> surveys) {
    return surveys.withColumn(
        InputSchemas.COMMENT, redact(surveys.col(InputSchemas.COMMENT)));
  }
}
