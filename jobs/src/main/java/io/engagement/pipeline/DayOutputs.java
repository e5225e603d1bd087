package io.engagement.pipeline;

import io.engagement.output.Tables;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The tables of one day, still lazy: each is computed when it is written. {@code cached} are the
 * intermediate Datasets the pipeline computes once (local checkpoints) because several tables
 * read them; the shell releases them after the writes.
 */
public record DayOutputs(Map<Tables, Dataset<Row>> tables, List<Dataset<Row>> cached) {

  public DayOutputs {
    tables = Collections.unmodifiableMap(new EnumMap<>(tables));
    cached = List.copyOf(cached);
  }

  public Dataset<Row> table(Tables table) {
    Dataset<Row> rows = tables.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("the day's outputs hold no " + table.tableName());
    }
    return rows;
  }

  /** Frees the blocks of the day's local checkpoints, so a long backfill does not pile them up. */
  public void release() {
    cached.forEach(Checkpoints::release);
  }
}
