package io.engagement.bench;

import static org.apache.spark.sql.functions.col;

import io.engagement.input.InputSchemas;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The floor of a day's run: one bare scan of the day's events Parquet, forced through Spark's
 * {@code noop} sink so every row is decoded and nothing is written. All columns are read because
 * the job reads them all: a rejected row keeps its whole record.
 */
final class EventScan {
  private EventScan() {}

  /** Milliseconds to scan the day's events under {@code inputRoot}. */
  static long millis(SparkSession spark, String inputRoot, LocalDate day) {
    String dir = new Path(new Path(inputRoot, InputSchemas.EVENTS), "date=" + day).toString();
    Column[] columns = Arrays.stream(InputSchemas.EVENTS_SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    long started = System.nanoTime();
    spark.read().schema(InputSchemas.EVENTS_SCHEMA).parquet(dir).select(columns)
        .write().format("noop").mode(SaveMode.Overwrite).save();
    return (System.nanoTime() - started) / 1_000_000;
  }
}
