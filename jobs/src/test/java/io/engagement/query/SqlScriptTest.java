package io.engagement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.query.SqlScript.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsAndTrims() {
    assertEquals(
        List.of(new Statement("", "SELECT 1"), new Statement("", "SELECT 2")),
        SqlScript.parse("  SELECT 1;\n\nSELECT 2 ;  \n"));
  }

  @Test
  void theLastStatementNeedsNoSemicolonAndEmptyStatementsAreSkipped() {
    assertEquals(
        List.of(new Statement("", "SELECT 1"), new Statement("", "SELECT 2")),
        SqlScript.parse(";;SELECT 1;;\n;SELECT 2"));
  }

  @Test
  void semicolonsInsideQuotesDoNotSplit() {
    String sql =
        "SELECT 'a;b', \"c;d\", `e;f` FROM t WHERE x = 'it\\'s; fine' AND y = `g``;h`";
    assertEquals(List.of(new Statement("", sql)), SqlScript.parse(sql + ";"));
  }

  @Test
  void semicolonsInsideCommentsDoNotSplit() {
    String sql = "SELECT 1 -- one; two\n, 2 /* three; /* nested; */ four; */ , 3";
    assertEquals(List.of(new Statement("", sql)), SqlScript.parse(sql + ";\n"));
  }

  @Test
  void theCommentLinesRightAboveAStatementAreItsLabel() {
    String script =
        "-- header of the file\n"
            + "-- second header line\n"
            + "\n"
            + "-- Accounts that fell\n"
            + "--   most this week\n"
            + "SELECT 1;\n"
            + "\n"
            + "/* block comments are not labels */\n"
            + "SELECT 2;\n"
            + "-- Users by band\n"
            + "SELECT 3";
    assertEquals(
        List.of(
            new Statement("Accounts that fell\nmost this week", "SELECT 1"),
            new Statement("", "SELECT 2"),
            new Statement("Users by band", "SELECT 3")),
        SqlScript.parse(script));
  }

  @Test
  void aCommentAfterTheSemicolonOnItsLineIsNoLabelOfTheNext() {
    assertEquals(
        List.of(new Statement("", "SELECT 1"), new Statement("label", "SELECT 2")),
        SqlScript.parse("SELECT 1; -- about the first\n-- label\nSELECT 2;"));
  }

  @Test
  void commentsAloneAreNoStatement() {
    assertEquals(List.of(), SqlScript.parse("-- nothing\n/* here; */\n"));
  }

  @Test
  void anUnclosedQuoteRunsToTheEndSoSparkReportsIt() {
    assertEquals(
        List.of(new Statement("", "SELECT 1"), new Statement("", "SELECT 'open; SELECT 3;")),
        SqlScript.parse("SELECT 1; SELECT 'open; SELECT 3;"));
  }

  @Test
  void theTitleIsTheLabelsFirstLineOrTheNumber() {
    assertEquals("a", new Statement("a\nb", "SELECT 1").title(4));
    assertEquals("statement 4", new Statement("", "SELECT 1").title(4));
  }
}
