package io.engagement.pipeline;

import static org.apache.spark.sql.functions.lit;

import io.engagement.input.SourceCounts;
import io.engagement.input.Validated;
import io.engagement.output.Columns;
import io.engagement.spark.Checkpoints;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One day's three inputs after validation: each a reason-tagged frame (accepted + rejected). */
public record ValidatedDay(LocalDate day, Validated events, Validated surveys, Validated users) {

  /**
   * The same day with the surveys' and users' tagged frames computed once ({@link Checkpoints}):
   * the counts, the rejected rows and several steps read them, and they are small. The events are
   * not kept: they are the day's bulk (at 10M events a checkpoint outgrew the memory store and
   * spilled gigabytes to disk), and their validation is a narrow pass over the input (the rows it
   * rejects and those of repeated ids are set aside and kept, see RecordValidator), so the daily
   * activity scans the input again, reading only the columns it needs.
   */
  public ValidatedDay checkpointed() {
    return new ValidatedDay(day, events, checkpointed(surveys), checkpointed(users));
  }

  private static Validated checkpointed(Validated source) {
    Dataset<Row> kept = Checkpoints.computeOnce(source.tagged());
    // The kept frame no longer reads what validation kept (the set-aside rows): free that now.
    release(source);
    return new Validated(source.source(), kept, kept, source.counts());
  }

  /** Frees what validation and {@link #checkpointed()} keep in memory (set-aside rows, small sources). */
  public void release() {
    sources().forEach(ValidatedDay::release);
  }

  private static void release(Validated source) {
    Checkpoints.release(source.tagged());
    Checkpoints.release(source.setAside());
  }

  public List<Validated> sources() {
    return List.of(events, surveys, users);
  }

  /** The counts of the three sources, as validation found them, in {@link #sources()} order. */
  public List<SourceCounts> counts() {
    return sources().stream().map(Validated::counts).toList();
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
