package io.engagement.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.timestamp_micros;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Generated rows carry instants as epoch microseconds and dates as epoch days, turned into
 * TIMESTAMP and DATE by Spark. Java time objects would be slower to make, and which Java class
 * Spark's row encoder accepts for a timestamp depends on the session's
 * {@code spark.sql.datetime.java8API.enabled}, which the caller's session may set either way.
 */
final class RawRows {
  private RawRows() {}

  /** The target schema with each timestamp as a long and each date as an int. */
  static StructType of(StructType target) {
    StructType raw = new StructType();
    for (StructField field : target.fields()) {
      if (field.dataType().equals(DataTypes.TimestampType)) {
        raw = raw.add(field.name(), DataTypes.LongType, true);
      } else if (field.dataType().equals(DataTypes.DateType)) {
        raw = raw.add(field.name(), DataTypes.IntegerType, true);
      } else {
        raw = raw.add(field);
      }
    }
    return raw;
  }

  /** Rows of {@link #of}(target) as rows of target: same names, same order, target's types. */
  static Dataset<Row> restore(Dataset<Row> raw, StructType target) {
    Column[] columns = new Column[target.size()];
    for (int i = 0; i < columns.length; i++) {
      StructField field = target.fields()[i];
      Column column = col(field.name());
      if (field.dataType().equals(DataTypes.TimestampType)) {
        column = timestamp_micros(column);
      } else if (field.dataType().equals(DataTypes.DateType)) {
        column = date_from_unix_date(column);
      }
      columns[i] = column.as(field.name());
    }
    return raw.select(columns);
  }
}
