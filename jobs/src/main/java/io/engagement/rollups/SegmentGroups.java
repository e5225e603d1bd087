package io.engagement.rollups;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.engagement.output.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The segment groups of metrics.md 7: one group per segment dimension value, plus the whole
 * business ('all', 'all'). Every per-segment table (roll-ups, NPS, say-vs-do) groups users the
 * same way through this one function, so a user's groups on a day agree across tables.
 */
public final class SegmentGroups {
  private SegmentGroups() {}

  /**
   * One row per input row and group: the input's columns plus {@code segment_dimension} and
   * {@code segment_value}. A null segment value becomes 'unknown'.
   */
  public static Dataset<Row> explodeToGroups(Dataset<Row> rows, List<String> segments) {
    List<Column> groups = new ArrayList<>();
    groups.add(group(lit(Columns.ALL), lit(Columns.ALL)));
    for (String segment : segments) {
      groups.add(group(lit(segment), coalesce(col(segment), lit(Columns.UNKNOWN))));
    }
    Column exploded = explode(functions.array(groups.toArray(Column[]::new)));
    return rows.withColumn("_group", exploded)
        .withColumn(Columns.SEGMENT_DIMENSION, col("_group." + Columns.SEGMENT_DIMENSION))
        .withColumn(Columns.SEGMENT_VALUE, col("_group." + Columns.SEGMENT_VALUE))
        .drop("_group");
  }

  private static Column group(Column dimension, Column value) {
    return struct(
        dimension.as(Columns.SEGMENT_DIMENSION), value.cast("string").as(Columns.SEGMENT_VALUE));
  }
}
