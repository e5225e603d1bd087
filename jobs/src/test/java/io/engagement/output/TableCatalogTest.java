package io.engagement.output;

import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.input.InputSchemas;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCatalogTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(InputSchemas.ACCOUNT_ID, DataTypes.StringType)
          .add(Columns.SCORE_DATE, DataTypes.DateType)
          .add(Columns.MEAN_SCORE, DataTypes.DoubleType);

  @TempDir Path root;
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void eachWrittenTableIsAViewOfItsNameAndTheOthersAreListedAsMissing() {
    DeltaTableWriter writer = new DeltaTableWriter(spark, root.toString());
    writer.replaceDay(Tables.ACCOUNT_ENGAGEMENT, LocalDate.parse("2026-11-01"),
        TestFrames.of(SCHEMA).row("a1", date("2026-11-01"), 40.0).row("a2", date("2026-11-01"), 60.0).toDF());

    TableCatalog.Registration views = new TableCatalog(spark, root.toString()).registerViews();

    assertEquals(List.of(Tables.ACCOUNT_ENGAGEMENT), views.registered());
    List<Tables> others = Arrays.stream(Tables.values()).filter(t -> t != Tables.ACCOUNT_ENGAGEMENT).toList();
    assertEquals(others, views.missing());
    // (40 + 60) / 2 = 50 over the view, read by its table name
    assertEquals(50.0, spark.sql("SELECT avg(mean_score) FROM account_engagement").first().getDouble(0));
    assertTrue(spark.catalog().tableExists("account_engagement"));
  }
}
