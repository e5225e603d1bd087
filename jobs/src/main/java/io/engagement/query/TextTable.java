package io.engagement.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a query result as a plain-text table, like Spark's {@code Dataset.show} but readable
 * for our tables: a cell is cut only beyond {@code maxCellWidth} characters (show cuts at 20,
 * which hides most of a {@code metrics} map or an account id with its segment), numbers are
 * right-aligned and text left-aligned, and line breaks inside a value (survey comments have
 * them) are shown as {@code \n} so one row stays one line.
 */
public final class TextTable {
  private static final String NULL = "NULL";
  private static final String CUT = "...";

  /** A column: its name and whether its values are numbers (right-aligned). */
  public record Column(String name, boolean numeric) {}

  private TextTable() {}

  /**
   * The table as lines joined by {@code \n}, with a trailing newline. A null cell prints as
   * {@code NULL}. {@code maxCellWidth} below 4 means no limit.
   */
  public static String format(List<Column> columns, List<List<String>> rows, int maxCellWidth) {
    int n = columns.size();
    List<List<String>> cells = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != n) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells for " + n + " columns");
      }
      cells.add(row.stream().map(v -> cell(v, maxCellWidth)).toList());
    }
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = width(cell(columns.get(i).name(), maxCellWidth));
      for (List<String> row : cells) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    String rule = rule(widths);
    out.append(rule);
    line(out, columns.stream().map(c -> cell(c.name(), maxCellWidth)).toList(), widths, null);
    out.append(rule);
    for (List<String> row : cells) {
      line(out, row, widths, columns);
    }
    out.append(rule);
    return out.toString();
  }

  /** The printable form of one value: NULL, escaped line breaks, cut to the width. */
  static String cell(String value, int maxCellWidth) {
    if (value == null) {
      return NULL;
    }
    String flat = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (maxCellWidth >= CUT.length() + 1 && width(flat) > maxCellWidth) {
      int keep = flat.offsetByCodePoints(0, maxCellWidth - CUT.length());
      return flat.substring(0, keep) + CUT;
    }
    return flat;
  }

  /** Width in characters as printed (code points, so an emoji counts once, not twice). */
  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String rule(int[] widths) {
    StringBuilder r = new StringBuilder("+");
    for (int w : widths) {
      r.append("-".repeat(w + 2)).append('+');
    }
    return r.append('\n').toString();
  }

  /** One row; {@code columns} null for the header, which is left-aligned. */
  private static void line(StringBuilder out, List<String> values, int[] widths, List<Column> columns) {
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      String v = values.get(i);
      String pad = " ".repeat(widths[i] - width(v));
      boolean right = columns != null && columns.get(i).numeric();
      out.append(' ').append(right ? pad + v : v + pad).append(" |");
    }
    out.append('\n');
  }
}
