package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.testing.TestFrames;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class KpiMeasuresTest {
  @Test
  void onlyFiniteDecimalOrScientificNumbersParse() {
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("text", DataTypes.StringType);
    String[] inputs = {"12.5", "1e2", " 7 ", "-3", ".5", "abc", "", "NaN", "Infinity", "-inf", "1e999", "1,5", null};
    Double[] expected = {12.5, 100.0, 7.0, -3.0, 0.5, null, null, null, null, null, null, null, null};
    TestFrames frames = TestFrames.of(schema);
    for (int i = 0; i < inputs.length; i++) {
      frames.row(i, inputs[i]);
    }
    List<Row> rows =
        frames.toDF().select(functions.col("i"), KpiMeasures.parseNumber(functions.col("text")).as("v")).orderBy("i").collectAsList();
    List<Double> actual = new ArrayList<>();
    rows.forEach(r -> actual.add(r.isNullAt(1) ? null : r.getDouble(1)));
    assertEquals(java.util.Arrays.asList(expected), actual);
  }
}
