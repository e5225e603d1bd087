package io.engagement.query;

import static org.apache.spark.sql.functions.col;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Runs analysts' SQL statements one after the other on a session whose views are the output
 * tables, and prints each result as a {@link TextTable}, at most {@code limit} rows.
 *
 * <p>A statement the analyst got wrong (a typo, an unknown column, a division by zero under ANSI
 * mode) stops the run with exit 2 and the first line of Spark's message, which names the error
 * class and the position; the stack trace stays in the exception for {@code --verbose}.
 * Statements that would change something are refused before they run ({@link
 * ReadOnlyStatements}).
 */
public final class SqlConsole {
  /** SQLSTATE class 22, "data exception": the query's fault (division by zero, a bad cast). */
  private static final String DATA_EXCEPTION = "22";

  private final SparkSession spark;
  private final PrintWriter out;
  private final int limit;
  private final int maxCellWidth;

  /**
   * @param limit the most rows printed per statement (at least 1)
   * @param maxCellWidth longer values are cut (below 4: never)
   */
  public SqlConsole(SparkSession spark, PrintWriter out, int limit, int maxCellWidth) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " must be at least 1");
    }
    this.spark = spark;
    this.out = out;
    this.limit = limit;
    this.maxCellWidth = maxCellWidth;
  }

  /**
   * Runs the statements in order and prints each result; the label of each is printed above it
   * when there are several or it has one. Every statement is parsed and checked first, so a
   * script with a typo or a write in its last statement runs nothing. Stops at the first failing
   * statement.
   *
   * @throws EngagementException exit 2 for a statement that is not valid SQL, fails analysis or
   *     on its data, or that is not read-only
   */
  public void run(List<SqlScript.Statement> statements) {
    for (int i = 0; i < statements.size(); i++) {
      check(statements.get(i), i + 1);
    }
    for (int i = 0; i < statements.size(); i++) {
      SqlScript.Statement statement = statements.get(i);
      int number = i + 1;
      if (!statement.label().isEmpty()) {
        statement.label().lines().forEach(line -> out.println("-- " + line));
      } else if (statements.size() > 1) {
        out.println("-- " + statement.title(number));
      }
      print(statement, number);
      out.println();
      out.flush();
    }
  }

  /**
   * The statement's result, analysed but not yet computed.
   *
   * @throws EngagementException exit 2 when it would change something or fails analysis
   */
  public Dataset<Row> query(SqlScript.Statement statement, int number) {
    check(statement, number);
    try {
      return spark.sql(statement.sql());
    } catch (Exception e) {
      throw failure(statement, number, e);
    }
  }

  /** Fails (exit 2) unless the statement is valid SQL that only reads. */
  private void check(SqlScript.Statement statement, int number) {
    Optional<String> refusal;
    try {
      refusal = ReadOnlyStatements.refusal(statement.sql(), spark.sessionState().sqlParser());
    } catch (Exception e) {
      throw failure(statement, number, e);
    }
    if (refusal.isPresent()) {
      throw EngagementException.badUsage(
          where(statement, number) + " is not read-only (" + refusal.get()
              + "): sql runs only queries, SHOW, DESCRIBE and EXPLAIN");
    }
  }

  private void print(SqlScript.Statement statement, int number) {
    Dataset<Row> result = query(statement, number);
    StructField[] fields = result.schema().fields();
    List<Row> rows;
    try {
      rows = asText(result.limit(limit + 1)).collectAsList();
    } catch (Exception e) {
      throw failure(statement, number, e);
    }
    boolean more = rows.size() > limit;
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(rows.size(), limit))) {
      cells.add(IntStream.range(0, fields.length).mapToObj(row::getString).toList());
    }
    List<TextTable.Column> columns =
        Arrays.stream(fields)
            .map(f -> new TextTable.Column(f.name(), f.dataType() instanceof NumericType))
            .toList();
    out.print(TextTable.format(columns, cells, maxCellWidth));
    out.println(
        more
            ? "(the first " + limit + " shown: there are more, raise --limit to see them)"
            : "(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
  }

  /**
   * Every column as Spark prints it (maps as {@code {k -> v}}, instants in the session's zone).
   * The columns are renamed by position first, so a result with two columns of one name (a join
   * of two tables' {@code run_id}) still converts.
   */
  private static Dataset<Row> asText(Dataset<Row> result) {
    int n = result.columns().length;
    String[] positional = IntStream.range(0, n).mapToObj(i -> "c" + i).toArray(String[]::new);
    Column[] text =
        Arrays.stream(positional).map(name -> col(name).cast("string")).toArray(Column[]::new);
    return result.toDF(positional).select(text);
  }

  /** The analyst's mistake as exit 2 with Spark's first line; anything else as it came. */
  private static RuntimeException failure(SqlScript.Statement statement, int number, Exception e) {
    if (e instanceof EngagementException engagement) {
      return engagement;
    }
    Optional<Throwable> mistake = analystMistake(e);
    if (mistake.isPresent()) {
      return new EngagementException(
          ExitCode.BAD_USAGE,
          where(statement, number) + " failed: " + firstLine(mistake.get()),
          e);
    }
    return e instanceof RuntimeException runtime
        ? runtime
        : EngagementException.runFailed(
            where(statement, number) + " failed: " + firstLine(e), e);
  }

  private static Optional<Throwable> analystMistake(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AnalysisException) {
        return Optional.of(t);
      }
      if (t instanceof SparkThrowable spark
          && spark.getSqlState() != null
          && spark.getSqlState().startsWith(DATA_EXCEPTION)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static String where(SqlScript.Statement statement, int number) {
    String title = statement.title(number);
    return statement.label().isEmpty() ? title : "statement " + number + " (" + title + ")";
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
