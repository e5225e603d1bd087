package io.engagement.pipeline;

import io.engagement.output.Tables;
import io.engagement.spark.Checkpoints;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The tables of one day, still lazy: each is computed when it is written. {@code intermediates}
 * are the Datasets the pipeline has already computed (local checkpoints) because several tables
 * read them, in lineage order, each named by the pipeline stage that produced it; the shell
 * releases them after the writes.
 */
public record DayOutputs(Map<Tables, Dataset<Row>> tables, List<Intermediate> intermediates) {

  /** A Dataset several tables read, and the stage of the pipeline it belongs to. */
  public record Intermediate(String stage, Dataset<Row> rows) {}

  public DayOutputs {
    tables = Collections.unmodifiableMap(new EnumMap<>(tables));
    intermediates = List.copyOf(intermediates);
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
    intermediates.forEach(i -> Checkpoints.release(i.rows()));
  }
}
