package io.engagement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.query.TextTable.Column;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static final List<Column> COLUMNS =
      List.of(new Column("account_id", false), new Column("score", true));

  @Test
  void textIsLeftAlignedNumbersRightAlignedAndNullsShown() {
    String table =
        TextTable.format(
            COLUMNS, List.of(List.of("acc-1", "12.5"), Arrays.asList(null, "7.0")), 80);
    assertEquals(
        String.join(
            "\n",
            "+------------+-------+",
            "| account_id | score |",
            "+------------+-------+",
            "| acc-1      |  12.5 |",
            "| NULL       |   7.0 |",
            "+------------+-------+",
            ""),
        table);
  }

  @Test
  void noRowsStillShowsTheHeader() {
    assertEquals(
        "+------------+-------+\n| account_id | score |\n+------------+-------+\n"
            + "+------------+-------+\n",
        TextTable.format(COLUMNS, List.of(), 80));
  }

  @Test
  void longValuesAreCutToTheWidthAndLineBreaksEscaped() {
    // width 10: the first 7 characters and "..."; width 8: the first 5
    assertEquals("{a -> 1...", TextTable.cell("{a -> 1.0, b -> 2.0}", 10));
    assertEquals("abcde...", TextTable.cell("abcdefghij", 8));
    assertEquals("abcdefghij", TextTable.cell("abcdefghij", 0));
    assertEquals("line 1\\nline 2", TextTable.cell("line 1\nline 2", 0));
  }

  @Test
  void widthsCountCharactersNotUtf16Units() {
    // "a😀" is 2 characters (3 UTF-16 units): the column is 2 wide, as is the header "id"
    String table = TextTable.format(List.of(new Column("id", false)), List.of(List.of("a😀")), 0);
    assertEquals("+----+\n| id |\n+----+\n| a😀 |\n+----+\n", table);
  }
}
