package io.engagement.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into its statements, each with its label: the {@code --} comment lines
 * right above it (a blank line in between detaches them, so a file header is no label).
 *
 * <p>Why a hand-written scanner and not {@code split(";")}: a semicolon inside a string literal,
 * a quoted identifier or a comment does not end a statement, and analysts write such queries
 * ({@code WHERE comment LIKE '%;%'}, {@code -- a; b}). Quoting follows Spark SQL: {@code '...'}
 * and {@code "..."} with backslash escapes, {@code `...`} with a doubled backtick as escape,
 * {@code --} to the end of the line and nested block comments. A comment after a statement's
 * semicolon, on the same line, belongs to that statement, not to the next one's label. A string
 * left open runs to the end of the script, so Spark reports the error on that statement.
 */
public final class SqlScript {
  /**
   * One statement: its label (the comment lines above it, without {@code --}, joined by
   * newlines; empty when none) and its SQL text, trimmed, without the semicolon.
   */
  public record Statement(String label, String sql) {
    /** The label's first line, or {@code statement N} (1-based) for an unlabelled one. */
    public String title(int number) {
      return label.isEmpty() ? "statement " + number : label.lines().findFirst().orElse("");
    }
  }

  private final String text;
  private final List<Statement> statements = new ArrayList<>();
  private final List<String> labelLines = new ArrayList<>();
  private final StringBuilder sql = new StringBuilder();
  private int pos;
  /** Whether the statement being read has begun (anything but blanks and comments seen). */
  private boolean started;
  /** Whether a comment was seen on the current line before the statement began. */
  private boolean commentOnLine;
  /** Whether the current line holds the semicolon that ended the previous statement. */
  private boolean afterSemicolon;

  private SqlScript(String text) {
    this.text = text;
  }

  /** The statements of the script in order; empty statements (a lone {@code ;}) are skipped. */
  public static List<Statement> parse(String text) {
    SqlScript script = new SqlScript(text);
    script.scan();
    return List.copyOf(script.statements);
  }

  private void scan() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (startsWith("--")) {
        lineComment();
      } else if (startsWith("/*")) {
        blockComment();
      } else if (c == '\'' || c == '"') {
        begin();
        quoted(c, true);
      } else if (c == '`') {
        begin();
        quoted(c, false);
      } else if (c == ';') {
        pos++;
        endStatement();
        afterSemicolon = true;
      } else if (Character.isWhitespace(c)) {
        whitespace(c);
      } else {
        begin();
        sql.append(c);
        pos++;
      }
    }
    endStatement();
  }

  private void lineComment() {
    int end = text.indexOf('\n', pos);
    if (end < 0) {
      end = text.length();
    }
    String comment = text.substring(pos, end);
    if (started) {
      sql.append(comment);
    } else if (!afterSemicolon) {
      labelLines.add(comment.substring(2).strip());
      commentOnLine = true;
    }
    pos = end;
  }

  private void blockComment() {
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      if (startsWith("/*")) {
        depth++;
        pos += 2;
      } else if (startsWith("*/")) {
        depth--;
        pos += 2;
        if (depth == 0) {
          break;
        }
      } else {
        pos++;
      }
    }
    if (started) {
      sql.append(text, start, pos);
    } else {
      commentOnLine = true;
    }
  }

  /** A literal or quoted identifier, copied as it is; {@code backslash}: escapes with {@code \}. */
  private void quoted(char quote, boolean backslash) {
    int start = pos;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (backslash && c == '\\') {
        pos += 2;
      } else if (c == quote) {
        pos++;
        if (!backslash && pos < text.length() && text.charAt(pos) == quote) {
          pos++;
        } else {
          break;
        }
      } else {
        pos++;
      }
    }
    pos = Math.min(pos, text.length());
    sql.append(text, start, pos);
  }

  private void whitespace(char c) {
    if (started) {
      sql.append(c);
    } else if (c == '\n') {
      if (!commentOnLine) {
        labelLines.clear();
      }
      commentOnLine = false;
      afterSemicolon = false;
    }
    pos++;
  }

  private void begin() {
    started = true;
  }

  private void endStatement() {
    if (started) {
      statements.add(new Statement(String.join("\n", labelLines), sql.toString().strip()));
    }
    sql.setLength(0);
    labelLines.clear();
    started = false;
    commentOnLine = false;
  }

  private boolean startsWith(String token) {
    return text.startsWith(token, pos);
  }
}
