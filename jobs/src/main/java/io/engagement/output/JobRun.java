package io.engagement.output;

import io.engagement.input.InputSchemas;
import io.engagement.input.SourceCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run of one day did: the row it appends to {@code job_runs} (contract.md). Written last,
 * so a {@link Status#SUCCEEDED} row means every table of the day was replaced.
 *
 * @param runId the run's id, also in every row it wrote ({@link RunIds})
 * @param command the sub-command that ran the day: {@code daily} or {@code backfill}
 * @param configHash a hash of the effective config, to tell runs with different configs apart
 * @param errorMessage why the run failed; null when it succeeded
 * @param rowsWritten rows written per table name
 */
public record JobRun(
    String runId,
    String command,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    String configHash,
    LocalDate runDate,
    int exitCode,
    String errorMessage,
    SourceCounts events,
    SourceCounts surveys,
    SourceCounts users,
    Map<String, Long> rowsWritten) {

  /**
   * Longest error message kept. A Spark error can quote whole data rows across many lines; the
   * table keeps the first line only, cut to this length, so no record leaks into job_runs.
   */
  public static final int MAX_ERROR_MESSAGE_LENGTH = 1000;

  /** The outcome of a run, as stored in the {@code status} column. */
  public enum Status {
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    QUALITY_FAILED("quality_failed");

    private final String value;

    Status(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static Status of(String value) {
      for (Status s : values()) {
        if (s.value.equals(value)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown job_runs status: " + value);
    }
  }

  public JobRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(configHash, "configHash");
    Objects.requireNonNull(runDate, "runDate");
    errorMessage = shortened(errorMessage);
    events = events == null ? SourceCounts.empty(InputSchemas.EVENTS) : events;
    surveys = surveys == null ? SourceCounts.empty(InputSchemas.SURVEYS) : surveys;
    users = users == null ? SourceCounts.empty(InputSchemas.USERS) : users;
    rowsWritten = rowsWritten == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(rowsWritten));
  }

  /** The accounting invariant: every source's input rows are its accepted plus rejected rows. */
  public boolean countsBalanced() {
    return events.balanced() && surveys.balanced() && users.balanced();
  }

  private static String shortened(String message) {
    if (message == null) {
      return null;
    }
    String firstLine = message.strip().lines().findFirst().orElse("");
    return firstLine.length() <= MAX_ERROR_MESSAGE_LENGTH
        ? firstLine
        : firstLine.substring(0, MAX_ERROR_MESSAGE_LENGTH - 3) + "...";
  }
}
