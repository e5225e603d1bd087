package io.engagement.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaConformanceTest {
  private static final StructType EXPECTED =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("score", DataTypes.IntegerType)
          .add("amount", DataTypes.DoubleType)
          .add("props", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

  @Test
  void widensOnlyWhereNoValueCanChangeMeaning() {
    assertTrue(SchemaConformance.accepts(DataTypes.DoubleType, DataTypes.IntegerType));
    assertTrue(SchemaConformance.accepts(DataTypes.DoubleType, DataTypes.LongType));
    assertTrue(SchemaConformance.accepts(DataTypes.DoubleType, DataTypes.FloatType));
    assertTrue(SchemaConformance.accepts(DataTypes.DoubleType, DataTypes.createDecimalType(10, 2)));
    assertTrue(SchemaConformance.accepts(DataTypes.IntegerType, DataTypes.LongType));
    assertTrue(SchemaConformance.accepts(DataTypes.IntegerType, DataTypes.ShortType));
    assertFalse(SchemaConformance.accepts(DataTypes.IntegerType, DataTypes.DoubleType));
    assertFalse(SchemaConformance.accepts(DataTypes.StringType, DataTypes.IntegerType));
    assertFalse(SchemaConformance.accepts(DataTypes.TimestampType, DataTypes.StringType));
    assertFalse(SchemaConformance.accepts(DataTypes.TimestampType, DataTypes.TimestampNTZType));
    assertFalse(SchemaConformance.accepts(DataTypes.DateType, DataTypes.TimestampType));
    // a map whose values the file declares non-null is the same SQL type
    assertTrue(
        SchemaConformance.accepts(
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false)));
  }

  @Test
  void theReadSchemaHasTheExpectedColumnsTheFileHasWithTheFilesTypes() {
    StructType found =
        new StructType()
            .add("extra", DataTypes.StringType)
            .add("amount", DataTypes.IntegerType)
            .add("id", DataTypes.StringType, false);
    StructType read = SchemaConformance.readSchema("t", EXPECTED, List.of("id"), "f.parquet", found);
    assertEquals(
        new StructType().add("id", DataTypes.StringType).add("amount", DataTypes.IntegerType), read);
  }

  @Test
  void aMissingRequiredColumnIsNamedWithTableTypeAndFile() {
    StructType found = new StructType().add("amount", DataTypes.DoubleType);
    EngagementException e =
        assertThrows(
            EngagementException.class,
            () -> SchemaConformance.readSchema("events", EXPECTED, List.of("id"), "/in/f.parquet", found));
    assertEquals(ExitCode.RUN_FAILED, e.exitCode());
    assertEquals(
        "input schema: events column id (expected string) is missing in /in/f.parquet: fix the upstream export",
        e.getMessage());
  }

  @Test
  void aWrongTypeIsNamedWithBothTypes() {
    StructType found = new StructType().add("id", DataTypes.StringType).add("score", DataTypes.StringType);
    EngagementException e =
        assertThrows(
            EngagementException.class,
            () -> SchemaConformance.readSchema("surveys", EXPECTED, List.of("id"), "/in/f.parquet", found));
    assertEquals(
        "input schema: surveys column score has type string, expected int, in /in/f.parquet: fix the upstream export",
        e.getMessage());
  }

  @Test
  void conformFillsAbsentColumnsAndCastsWithoutFailing() {
    StructType read =
        new StructType()
            .add("amount", DataTypes.IntegerType)
            .add("score", DataTypes.LongType)
            .add("id", DataTypes.StringType);
    var frame =
        TestFrames.of(read)
            .row(3, 7L, "a")
            // 2^31 does not fit an int: null (then rejected as missing_score), never a failed run
            .row(null, 2147483648L, "b")
            .toDF();
    var conformed = SchemaConformance.conform(frame, EXPECTED);
    assertEquals(EXPECTED.catalogString(), conformed.schema().catalogString());
    DataFrameAssertions.assertSameRows(
        TestFrames.of(EXPECTED).row("a", 7, 3.0, null).row("b", null, null, null).toDF(), conformed);
  }
}
