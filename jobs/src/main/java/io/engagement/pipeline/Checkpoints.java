package io.engagement.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Intermediates that several tables of a day read are computed once, as local checkpoints. A
 * checkpoint rather than a plain cache: it also cuts the lineage, so each later table is planned
 * from a short plan instead of re-analysing the whole day's (Catalyst analysis of the full plan
 * cost seconds per table). It is computed eagerly: with adaptive execution even a lazy checkpoint
 * runs the plan's shuffles when it is created, so eager costs nothing more and lets the pipeline
 * time each stage where its work really happens.
 */
final class Checkpoints {
  private Checkpoints() {}

  static Dataset<Row> computeOnce(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }

  /** Frees a checkpoint's blocks, so a long backfill does not pile them up until the next GC. */
  static void release(Dataset<Row> rows) {
    if (rows instanceof org.apache.spark.sql.classic.Dataset<Row> classic
        && classic.queryExecution().logical() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    }
  }
}
