package io.engagement.pipeline;

import static org.apache.spark.sql.functions.lit;

import io.engagement.input.Validated;
import io.engagement.output.Columns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One day's three inputs after validation: each a reason-tagged frame (accepted + rejected). */
public record ValidatedDay(LocalDate day, Validated events, Validated surveys, Validated users) {

  /**
   * The same day with each source's tagged frame computed once ({@link Checkpoints}): the counts,
   * the rejected rows and every step after validation read it.
   */
  public ValidatedDay checkpointed() {
    return new ValidatedDay(day, checkpointed(events), checkpointed(surveys), checkpointed(users));
  }

  private static Validated checkpointed(Validated source) {
    return new Validated(source.source(), Checkpoints.computeOnce(source.tagged()));
  }

  public void release() {
    sources().forEach(source -> Checkpoints.release(source.tagged()));
  }

  public List<Validated> sources() {
    return List.of(events, surveys, users);
  }

  /** The day's rejected_records rows (without run_id): source, reason, record, ingest_date. */
  public Dataset<Row> rejectedRecords() {
    return events
        .rejected()
        .unionByName(surveys.rejected())
        .unionByName(users.rejected())
        .withColumn(Columns.INGEST_DATE, lit(Date.valueOf(day)));
  }
}
