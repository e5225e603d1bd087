package io.engagement.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Frames read several times are computed once, as local checkpoints: the intermediates that
 * several tables of a day read, and what validation finds once for every reader of a source. A
 * checkpoint rather than a plain cache: it also cuts the lineage, so each later table is planned
 * from a short plan instead of re-analysing the whole day's (Catalyst analysis of the full plan
 * cost seconds per table). It is computed eagerly: with adaptive execution even a lazy checkpoint
 * runs the plan's shuffles when it is created, so eager costs nothing more and lets the pipeline
 * time each stage where its work really happens.
 */
public final class Checkpoints {
  private Checkpoints() {}

  public static Dataset<Row> computeOnce(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }

  /**
   * Frees the blocks of every checkpoint a frame reads (itself, or those it was built from, such
   * as the ranked repeats of a validated source), so a long backfill does not pile them up until
   * the next GC.
   */
  public static void release(Dataset<Row> rows) {
    if (rows instanceof org.apache.spark.sql.classic.Dataset<Row> classic) {
      for (LogicalPlan leaf : CollectionConverters.asJava(classic.queryExecution().logical().collectLeaves())) {
        if (leaf instanceof LogicalRDD checkpoint) {
          checkpoint.rdd().unpersist(false);
        }
      }
    }
  }
}
