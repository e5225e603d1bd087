package io.engagement.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Rewrites a generated day so that one user holds a share of its events: each event with a
 * user_id goes to the heavy user with that probability (seeded), everything else unchanged. The
 * heavy user is the smallest user_id of the day, a real user of the population. This is the
 * skew the issue asks about: a bot or an integration account that dwarfs every person.
 */
final class SkewedDay {
  private SkewedDay() {}

  /** The skewed day replaces the day's events in place; returns the heavy user's id. */
  static String concentrate(SparkSession spark, Path inputRoot, LocalDate day, double share, long seed) {
    Path events = inputRoot.resolve(InputSchemas.EVENTS).resolve("date=" + day);
    Path skewed = inputRoot.resolve("skewed-" + day);
    Dataset<Row> generated = spark.read().parquet(events.toString());
    String heavy = generated.agg(min(col(InputSchemas.USER_ID))).first().getString(0);
    generated.withColumn(
            InputSchemas.USER_ID,
            when(col(InputSchemas.USER_ID).isNotNull().and(rand(seed).lt(share)), lit(heavy))
                .otherwise(col(InputSchemas.USER_ID)))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(skewed.toString());
    try {
      BenchFiles.deleteTree(events);
      Files.move(skewed, events);
    } catch (IOException e) {
      throw new UncheckedIOException("could not replace " + events + " with its skewed copy", e);
    }
    return heavy;
  }
}
