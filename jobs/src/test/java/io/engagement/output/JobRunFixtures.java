package io.engagement.output;

import io.engagement.input.InputSchemas;
import io.engagement.input.SourceCounts;
import io.engagement.output.JobRun.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Small job_runs rows for tests: one run of one day, finishing at a given instant. */
final class JobRunFixtures {
  private JobRunFixtures() {}

  static JobRun run(String runId, String day, Status status, String finishedAt, long eventsAccepted) {
    Instant finished = Instant.parse(finishedAt);
    return new JobRun(
        runId,
        "daily",
        status,
        finished.minusSeconds(60),
        finished,
        "cfg1",
        LocalDate.parse(day),
        status == Status.SUCCEEDED ? 0 : status == Status.QUALITY_FAILED ? 3 : 1,
        status == Status.SUCCEEDED ? null : "run failed",
        new SourceCounts(InputSchemas.EVENTS, eventsAccepted, eventsAccepted, 0),
        SourceCounts.empty(InputSchemas.SURVEYS),
        SourceCounts.empty(InputSchemas.USERS),
        Map.of());
  }
}
