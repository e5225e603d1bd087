package io.engagement.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkStringOrderTest {
  private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, two UTF-16 units

  @Test
  void ordersByCodePointsNotByUtf16Units() {
    // U+E000 < U+1F600 as code points (and as UTF-8: EE 80 80 < F0 9F 98 80), while Java's
    // compareTo sees the surrogate D83D < E000 and says the opposite.
    assertTrue(SparkStringOrder.INSTANCE.compare("\uE000", EMOJI) < 0);
    assertTrue("\uE000".compareTo(EMOJI) > 0);
    // A prefix comes first; equal strings compare equal.
    assertTrue(SparkStringOrder.INSTANCE.compare("a", "ab") < 0);
    assertTrue(SparkStringOrder.INSTANCE.compare("ab", "a") > 0);
    assertEquals(0, SparkStringOrder.INSTANCE.compare("a" + EMOJI, "a" + EMOJI));
  }

  @Test
  void sortsAsSparksArraySort() {
    List<String> values =
        List.of("b", "", "a" + EMOJI, "Z", "\u00e9", "ab", "\uE000", EMOJI, "a\uFFFF", "a", "\uFFFF" + "x");
    List<String> javaSorted = new ArrayList<>(values);
    javaSorted.sort(SparkStringOrder.INSTANCE);
    StructType schema =
        new StructType().add("v", DataTypes.createArrayType(DataTypes.StringType));
    Row sparkSorted =
        SparkTestSession.get()
            .createDataFrame(List.of(RowFactory.create((Object) values.toArray(String[]::new))), schema)
            .select(functions.array_sort(functions.col("v")))
            .first();
    assertEquals(sparkSorted.getList(0), javaSorted);
  }
}
