package io.engagement.output;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.engagement.errors.EngagementException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping of the output tables: compaction of recent days and removal of files no version
 * within the retention needs.
 *
 * <p>Why compaction: a rerun, a cascade or {@code job_runs}' appends leave a day of a table in
 * several small files, and readers pay per file. Only the last days are compacted ({@code OPTIMIZE
 * ... WHERE <date column> >= first day}, a partition predicate, so older days are not even
 * listed): older days were compacted by earlier runs and are no longer rewritten.
 *
 * <p>Why it never races with a day's run: {@code OPTIMIZE} is an optimistic Delta transaction,
 * like a day's {@code replaceWhere}. When both touch the same day, the one that commits second
 * fails with a concurrent-modification error instead of losing the other's rows. The day's writer
 * retries its replace ({@link DeltaTableWriter}); compaction retries too, with the same backoff,
 * and after {@link DeltaTableWriter#MAX_ATTEMPTS} attempts gives the table up for this time (the
 * files are only small, not wrong) and says so, leaving it to the next maintenance.
 *
 * <p>Why {@code VACUUM} with a retention of at least 7 days ({@link #MIN_RETENTION_HOURS}) cannot
 * delete a file a running day still needs: VACUUM deletes only (a) files the latest version no
 * longer references whose removal was committed more than the retention ago, and (b) files no
 * version references at all that are older than the retention. A day's run reads the earlier days
 * from the snapshot it loaded when it started: a file of that snapshot removed since (by a rerun
 * or a compaction) was removed after the run began, so within the retention unless the run has
 * lasted 7 days. The files the run is writing are not committed yet, so not referenced, but they
 * were created during the run, so they too are younger than the retention. 7 days is also the
 * tables' {@code delta.deletedFileRetentionDuration}, the time travel readers are promised; a
 * shorter retention needs an explicit flag and then lifts Delta's own check for that one call
 * only, never for the session or the cluster.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  /** The shortest retention VACUUM accepts without an explicit flag: 7 days. */
  public static final int MIN_RETENTION_HOURS = 168;

  static final String RETENTION_CHECK_KEY = "spark.databricks.delta.retentionDurationCheck.enabled";

  private final SparkSession spark;
  private final String outputRoot;

  public TableMaintenance(SparkSession spark, String outputRoot) {
    this.spark = spark;
    this.outputRoot = outputRoot;
  }

  /**
   * What compaction did to a table's recent days: files removed and added, or why it was skipped
   * ({@code skipped} non-empty, counts 0).
   */
  public record Compaction(LocalDate fromDay, long filesRemoved, long filesAdded, Optional<String> skipped) {}

  /** What VACUUM did to a table: the files it deleted. */
  public record Vacuum(int retentionHours, long filesDeleted) {}

  /** The maintenance of one table; compaction is empty when no day was processed yet. */
  public record Outcome(Tables table, boolean exists, Optional<Compaction> compaction, Optional<Vacuum> vacuum) {
    /** One line for the operator. */
    public String describe() {
      if (!exists) {
        return table.tableName() + ": never written, skipped";
      }
      StringBuilder line = new StringBuilder(table.tableName()).append(": ");
      compaction.ifPresentOrElse(
          c -> line.append(
              c.skipped()
                  .map(why -> "compaction skipped (" + why + ")")
                  .orElse(
                      c.filesRemoved() == 0
                          ? "days from " + c.fromDay() + " already compact"
                          : "days from " + c.fromDay() + " compacted, " + c.filesRemoved() + " files into "
                              + c.filesAdded())),
          () -> line.append("no processed day to compact"));
      vacuum.ifPresent(
          v -> line.append("; vacuum deleted ").append(v.filesDeleted())
              .append(v.filesDeleted() == 1 ? " file" : " files")
              .append(" unreferenced for over ").append(v.retentionHours()).append(" h"));
      return line.toString();
    }
  }

  /**
   * Refuses a retention below {@link #MIN_RETENTION_HOURS} unless explicitly allowed; call it
   * before any work so a typo fails fast.
   *
   * @throws EngagementException exit 2
   */
  public static void checkRetention(int retentionHours, boolean allowShorter) {
    if (retentionHours < 0) {
      throw EngagementException.badUsage("retention " + retentionHours + " h must not be negative");
    }
    if (retentionHours < MIN_RETENTION_HOURS && !allowShorter) {
      throw EngagementException.badUsage(
          "retention " + retentionHours + " h is below " + MIN_RETENTION_HOURS + " h (7 days): files a running"
              + " day or a time-travel reader still needs could be deleted; keep the default, or pass"
              + " --allow-short-retention when nothing else uses the tables");
    }
  }

  /**
   * The first day to compact for the last {@code days} days up to the latest processed day;
   * empty when no day was processed.
   */
  public static Optional<LocalDate> firstDayToCompact(SortedSet<LocalDate> processedDays, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days " + days + " must be at least 1");
    }
    return processedDays.isEmpty() ? Optional.empty() : Optional.of(processedDays.last().minusDays(days - 1L));
  }

  /**
   * Compacts the last {@code days} days (up to the latest processed day) of every table, then
   * vacuums every table with this retention; {@code done} hears of each table as it is
   * finished, so a long maintenance shows its progress.
   *
   * @throws EngagementException exit 2 for a retention refused by {@link #checkRetention}
   */
  public List<Outcome> maintainAll(
      int days, int retentionHours, boolean allowShorterRetention, Consumer<Outcome> done) {
    checkRetention(retentionHours, allowShorterRetention);
    Optional<LocalDate> from = firstDayToCompact(new TableReader(spark, outputRoot).processedDays(), days);
    List<Outcome> outcomes = new ArrayList<>();
    for (Tables table : Tables.values()) {
      Outcome outcome =
          exists(table)
              ? new Outcome(table, true, from.map(day -> compact(table, day)),
                  Optional.of(vacuum(table, retentionHours, allowShorterRetention)))
              : new Outcome(table, false, Optional.empty(), Optional.empty());
      done.accept(outcome);
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Compacts the table's days from {@code fromDay} on, retrying when a concurrent writer commits
   * first; gives up (reported in the result, not thrown) after {@link
   * DeltaTableWriter#MAX_ATTEMPTS} attempts.
   */
  public Compaction compact(Tables table, LocalDate fromDay) {
    String condition = table.dateColumn() + " >= DATE'" + fromDay + "'";
    for (int attempt = 1; ; attempt++) {
      try {
        Row metrics =
            DeltaTable.forPath(spark, path(table))
                .optimize()
                .where(condition)
                .executeCompaction()
                .select(col("metrics.numFilesRemoved"), col("metrics.numFilesAdded"))
                .first();
        return new Compaction(fromDay, metrics.getLong(0), metrics.getLong(1), Optional.empty());
      } catch (RuntimeException e) {
        if (!DeltaTableWriter.isConcurrentModification(e)) {
          throw e;
        }
        if (attempt >= DeltaTableWriter.MAX_ATTEMPTS) {
          return new Compaction(fromDay, 0, 0, Optional.of(
              "a concurrent run kept changing the table, " + attempt + " attempts: "
                  + DeltaTableWriter.firstLine(e) + "; run maintain again later"));
        }
        LOG.warn("compacting {} conflicted with another writer (attempt {}), retrying: {}",
            table.tableName(), attempt, DeltaTableWriter.firstLine(e));
        DeltaTableWriter.backoff(attempt);
      }
    }
  }

  /**
   * Deletes the files no version within {@code retentionHours} needs. With {@code
   * allowShorterRetention} and a retention below 7 days, Delta's retention check is lifted for
   * this call only and restored after it.
   *
   * @throws EngagementException exit 2 for a retention refused by {@link #checkRetention}
   */
  public Vacuum vacuum(Tables table, int retentionHours, boolean allowShorterRetention) {
    checkRetention(retentionHours, allowShorterRetention);
    DeltaTable delta = DeltaTable.forPath(spark, path(table));
    long versionBefore = latestVersion(delta);
    if (retentionHours >= MIN_RETENTION_HOURS) {
      delta.vacuum(retentionHours);
    } else {
      String previous = spark.conf().get(RETENTION_CHECK_KEY, "true");
      spark.conf().set(RETENTION_CHECK_KEY, "false");
      try {
        delta.vacuum(retentionHours);
      } finally {
        spark.conf().set(RETENTION_CHECK_KEY, previous);
      }
    }
    return new Vacuum(retentionHours, deletedFiles(delta, versionBefore));
  }

  /**
   * The files the VACUUM just run deleted, from the {@code VACUUM END} commit Delta writes for
   * it; a VACUUM that deleted nothing may write none.
   */
  private static long deletedFiles(DeltaTable delta, long versionBefore) {
    return delta.history()
        .where(col("version").gt(versionBefore).and(col("operation").equalTo("VACUUM END")))
        .select(col("operationMetrics").getItem("numDeletedFiles"))
        .collectAsList()
        .stream()
        .mapToLong(r -> r.isNullAt(0) ? 0 : Long.parseLong(r.getString(0)))
        .sum();
  }

  private static long latestVersion(DeltaTable delta) {
    return delta.history(1).select("version").first().getLong(0);
  }

  private boolean exists(Tables table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  private String path(Tables table) {
    return DeltaTableWriter.pathOf(outputRoot, table);
  }
}
