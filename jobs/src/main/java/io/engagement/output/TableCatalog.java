package io.engagement.output;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Makes the output tables queryable by name: each table under the output root becomes a
 * temporary view of the same name ({@code SELECT * FROM account_engagement}), so analysts' SQL
 * does not spell storage paths and runs unchanged on another root. Temporary views only: nothing
 * is written to a metastore, and the views read the latest version of each table.
 */
public final class TableCatalog {
  private final SparkSession spark;
  private final String outputRoot;

  public TableCatalog(SparkSession spark, String outputRoot) {
    this.spark = spark;
    this.outputRoot = outputRoot;
  }

  /** Which tables became views, and which were skipped because they were never written. */
  public record Registration(List<Tables> registered, List<Tables> missing) {
    public Registration {
      registered = List.copyOf(registered);
      missing = List.copyOf(missing);
    }
  }

  /**
   * Registers every table of {@link Tables} that exists as a view named by its table name,
   * replacing a view of that name. A table never written is skipped, not an error: a fresh
   * output root, or one where a day failed before its last tables, is still worth querying. Its
   * view, if an earlier registration in this session made one, is dropped, so a query cannot
   * read another root's table by mistake.
   */
  public Registration registerViews() {
    List<Tables> registered = new ArrayList<>();
    List<Tables> missing = new ArrayList<>();
    for (Tables table : Tables.values()) {
      String path = DeltaTableWriter.pathOf(outputRoot, table);
      if (DeltaTable.isDeltaTable(spark, path)) {
        spark.read().format("delta").load(path).createOrReplaceTempView(table.tableName());
        registered.add(table);
      } else {
        spark.catalog().dropTempView(table.tableName());
        missing.add(table);
      }
    }
    return new Registration(registered, missing);
  }
}
