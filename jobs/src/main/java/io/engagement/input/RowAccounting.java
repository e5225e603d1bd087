package io.engagement.input;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The accounting invariant of contract.md: for each source and day, input rows = accepted rows +
 * rejected rows. Each term is counted on its own, at a different point of the run, so the check
 * can catch a lost row: input from the raw files' metadata, accepted by validation as it reads
 * every row (the rows less those it rejects, {@link IdCensus}), rejected on the {@code
 * rejected_records} partition as written.
 */
public final class RowAccounting {
  private static final String SOURCE = "source";

  private RowAccounting() {}

  /**
   * Rows per source of the raw day, before any validation, in one Spark job. The union reads no
   * column, so Parquet answers it from its row-group metadata.
   */
  public static Map<String, Long> inputRows(RawDay raw) {
    Dataset<Row> sources =
        raw.events().select(lit(InputSchemas.EVENTS).as(SOURCE))
            .union(raw.surveys().select(lit(InputSchemas.SURVEYS).as(SOURCE)))
            .union(raw.users().select(lit(InputSchemas.USERS).as(SOURCE)));
    Map<String, Long> rows = new HashMap<>();
    for (Row r : sources.groupBy(SOURCE).agg(count(lit(1))).collectAsList()) {
      rows.put(r.getString(0), r.getLong(1));
    }
    return rows;
  }

  /**
   * The day's counts: input from {@link #inputRows}, accepted from the validation's counts,
   * rejected from the rows written to rejected_records. A source missing from a map counts 0.
   *
   * @param validated the counts of the validated frames, one per source, in the order to report
   */
  public static List<SourceCounts> reconcile(
      List<SourceCounts> validated, Map<String, Long> inputRows, Map<String, Long> rejectedWritten) {
    List<SourceCounts> out = new ArrayList<>();
    for (SourceCounts v : validated) {
      out.add(new SourceCounts(
          v.source(),
          inputRows.getOrDefault(v.source(), 0L),
          v.accepted(),
          rejectedWritten.getOrDefault(v.source(), 0L)));
    }
    return out;
  }

  /** Why the day's counts do not balance, naming each source that is off; empty when they do. */
  public static Optional<String> violation(LocalDate day, List<SourceCounts> counts) {
    List<String> off =
        counts.stream()
            .filter(c -> !c.balanced())
            .map(c -> String.format("%s: input %d != accepted %d + rejected %d (%+d rows unaccounted for)",
                c.source(), c.input(), c.accepted(), c.rejected(), c.input() - c.accepted() - c.rejected()))
            .collect(Collectors.toList());
    if (off.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "row accounting of " + day + " does not balance, " + String.join("; ", off)
            + ": rows were lost or duplicated between reading and writing; the day's result tables"
            + " were not written; rerun the day, and report it if it persists");
  }
}
