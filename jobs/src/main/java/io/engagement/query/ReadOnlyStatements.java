package io.engagement.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Tells a read-only statement from one that may change something, before it runs.
 *
 * <p>Why: {@code spark.sql} runs a command as soon as it is called, and the views of the output
 * tables are Delta tables underneath, so a {@code DELETE FROM account_engagement} typed into an
 * analyst's command would delete production rows. Two checks, both failing safe (refusing costs an
 * analyst one message):
 *
 * <ol>
 *   <li>the statement starts with a reading keyword ({@code SELECT, WITH, VALUES, TABLE, FROM,
 *       SHOW, DESCRIBE, EXPLAIN} or a parenthesis), which rules out DML, DDL, {@code SET},
 *       {@code CACHE}, {@code EXECUTE IMMEDIATE}, SQL scripts and Delta's {@code OPTIMIZE},
 *       {@code VACUUM} and {@code RESTORE} without knowing their plans;
 *   <li>its parsed plan holds no command or write, which catches a write behind a reading
 *       keyword ({@code WITH ... INSERT}, Hive's {@code FROM t INSERT ...}); the few commands
 *       that only read ({@code SHOW}, {@code DESCRIBE}, {@code EXPLAIN}) pass by class name.
 * </ol>
 */
public final class ReadOnlyStatements {
  private static final Set<String> READING_KEYWORDS =
      Set.of("SELECT", "WITH", "VALUES", "TABLE", "FROM", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "(");

  /** Catalyst's and Delta's read-only commands, by class name (their packages vary by version). */
  private static final Set<String> READ_ONLY_COMMANDS =
      Set.of(
          "ShowTables",
          "ShowTableExtended",
          "ShowViews",
          "ShowColumns",
          "ShowFunctions",
          "ShowNamespaces",
          "ShowPartitions",
          "ShowTableProperties",
          "ShowCreateTable",
          "DescribeRelation",
          "DescribeColumn",
          "DescribeFunction",
          "DescribeQueryCommand",
          "ExplainCommand",
          "DescribeDeltaHistory",
          "DescribeDeltaDetailCommand");

  /** Blanks and comments before the first word, then the word (or an opening parenthesis). */
  private static final Pattern FIRST_WORD =
      Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*(\\(|[A-Za-z_]+)", Pattern.DOTALL);

  private ReadOnlyStatements() {}

  /**
   * Why the statement is refused (its first word, or the plan node that would write), or empty
   * when it only reads.
   *
   * @throws ParseException when it is not valid SQL (the analyst's mistake, reported as such)
   */
  public static Optional<String> refusal(String sql, ParserInterface parser) throws ParseException {
    Matcher first = FIRST_WORD.matcher(sql);
    String word = first.lookingAt() ? first.group(1).toUpperCase(Locale.ROOT) : "";
    if (!READING_KEYWORDS.contains(word)) {
      return Optional.of(word.isEmpty() ? "no reading keyword first" : word);
    }
    LogicalPlan parsed = parser.parsePlan(sql);
    if (READ_ONLY_COMMANDS.contains(parsed.getClass().getSimpleName())) {
      return Optional.empty();
    }
    Deque<LogicalPlan> todo = new ArrayDeque<>();
    todo.push(parsed);
    while (!todo.isEmpty()) {
      LogicalPlan node = todo.pop();
      if (node instanceof Command || node instanceof ParsedStatement || node instanceof InsertIntoDir) {
        return Optional.of(node.nodeName());
      }
      CollectionConverters.asJava(node.children()).forEach(todo::push);
    }
    return Optional.empty();
  }
}
