package io.engagement.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DataFrameAssertionsTest {
  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.StringType).add("x", DataTypes.DoubleType);

  @Test
  void ignoresRowOrderAndTinyDoubleDifferences() {
    var a = TestFrames.of(SCHEMA).row("a", 1.0).row("b", 2.0).toDF();
    var b = TestFrames.of(SCHEMA).row("b", 2.0 + 1e-12).row("a", 1.0).toDF();
    assertDoesNotThrow(() -> DataFrameAssertions.assertSameRows(a, b));
  }

  @Test
  void reportsTheRowsOnlyOneSideHas() {
    var a = TestFrames.of(SCHEMA).row("a", 1.0).row("b", 2.0).toDF();
    var b = TestFrames.of(SCHEMA).row("a", 1.0).row("b", 2.5).toDF();
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> DataFrameAssertions.assertSameRows(a, b));
    assertTrue(e.getMessage().contains("expected only: [b, 2.00000000]"), e.getMessage());
    assertTrue(e.getMessage().contains("actual only:   [b, 2.50000000]"), e.getMessage());
  }

  @Test
  void collectedRowsCompareAsTheirDataFramesDo() {
    var a = TestFrames.of(SCHEMA).row("a", 1.0).row("b", 2.0).toDF();
    var reordered = TestFrames.of(SCHEMA).row("b", 2.0).row("a", 1.0).toDF().select("x", "id");
    assertDoesNotThrow(
        () -> DataFrameAssertions.assertIdenticalRows(DataFrameAssertions.collect(a), DataFrameAssertions.collect(reordered)));
    var b = TestFrames.of(SCHEMA).row("a", 1.0).row("b", 2.0 + 1e-12).toDF();
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> DataFrameAssertions.assertIdenticalRows(DataFrameAssertions.collect(a), DataFrameAssertions.collect(b)));
    assertTrue(e.getMessage().contains("expected only: [b, 2.0]"), e.getMessage());
    assertTrue(e.getMessage().contains("actual only:   [b, 2.000000000001]"), e.getMessage());
  }

  @Test
  void countsDuplicateRows() {
    var a = TestFrames.of(SCHEMA).row("a", 1.0).row("a", 1.0).toDF();
    var b = TestFrames.of(SCHEMA).row("a", 1.0).toDF();
    assertThrows(AssertionFailedError.class, () -> DataFrameAssertions.assertSameRows(a, b));
  }
}
