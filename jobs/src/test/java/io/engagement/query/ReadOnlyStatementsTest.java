package io.engagement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.testing.SparkTestSession;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On the parser of the real session (with Delta's SQL extension), nothing is run. */
class ReadOnlyStatementsTest {
  private static Optional<String> refusal(String sql) throws Exception {
    return ReadOnlyStatements.refusal(sql, SparkTestSession.get().sessionState().sqlParser());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM account_engagement WHERE score_date = (SELECT max(score_date) FROM t)",
        "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
        "VALUES (1), (2)",
        "TABLE account_engagement",
        "FROM t SELECT a",
        "SHOW TABLES",
        "SHOW VIEWS",
        "SHOW COLUMNS IN account_engagement",
        "DESCRIBE account_engagement",
        "DESCRIBE TABLE EXTENDED account_engagement score_date",
        "EXPLAIN SELECT 1",
        "EXPLAIN DELETE FROM account_engagement",
        "DESCRIBE HISTORY account_engagement",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "-- a comment; first\n/* and a block */ select 1",
      })
  void queriesAndReadingCommandsPass(String sql) throws Exception {
    assertEquals(Optional.empty(), refusal(sql), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM account_engagement WHERE users = 0",
        "UPDATE account_engagement SET users = 0",
        "MERGE INTO a USING b ON a.k = b.k WHEN MATCHED THEN DELETE",
        "INSERT INTO account_engagement SELECT * FROM account_engagement",
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT 1",
        "CREATE TABLE t AS SELECT 1",
        "CREATE OR REPLACE TEMP VIEW v AS SELECT 1",
        "DROP VIEW account_engagement",
        "TRUNCATE TABLE account_engagement",
        "SET spark.sql.ansi.enabled = false",
        "CACHE TABLE account_engagement",
        "OPTIMIZE account_engagement",
        "VACUUM account_engagement RETAIN 0 HOURS",
        "RESTORE TABLE account_engagement TO VERSION AS OF 0",
        "EXECUTE IMMEDIATE 'DELETE FROM account_engagement'",
        "BEGIN SELECT 1; END",
        "CALL system.refresh()",
        "FROM account_engagement INSERT INTO t SELECT *",
        "WITH x AS (SELECT 1 AS a) INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT * FROM x",
        "-- looks harmless\nDELETE FROM account_engagement",
      })
  void statementsThatMayChangeSomethingAreRefused(String sql) throws Exception {
    assertTrue(refusal(sql).isPresent(), sql);
  }

  @Test
  void theRefusalNamesTheFirstWordOrTheWritingNode() throws Exception {
    assertEquals(Optional.of("DELETE"), refusal("delete from t"));
    assertEquals(Optional.of("InsertIntoStatement"), refusal("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
  }
}
