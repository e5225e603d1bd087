package io.engagement.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Intermediates that several tables of a day read are computed once, as local checkpoints. A
 * checkpoint rather than a plain cache: it also cuts the lineage, so each later table is planned
 * from a short plan instead of re-analysing the whole day's (Catalyst analysis of the full plan
 * cost seconds per table). It is computed lazily, when the first table that needs it is written.
 */
final class Checkpoints {
  private Checkpoints() {}

  static Dataset<Row> computeOnce(Dataset<Row> rows) {
    return rows.localCheckpoint(false);
  }

  /** Frees a checkpoint's blocks, so a long backfill does not pile them up until the next GC. */
  static void release(Dataset<Row> rows) {
    if (rows instanceof org.apache.spark.sql.classic.Dataset<Row> classic
        && classic.queryExecution().logical() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    }
  }
}
