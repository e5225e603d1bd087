package io.engagement.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The command line of maintain; the maintenance itself is TableMaintenanceTest's. */
class MaintainCommandTest {
  private final RecordingJobs jobs = new RecordingJobs();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new Main(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), new Properties(), jobs)
        .execute(args);
  }

  @Test
  void theDefaultsAreSevenDaysAndSevenDaysOfRetention() {
    assertEquals(0, run("maintain", "--set", "output.root=/out"), err.toString());
    assertEquals(List.of("maintain days=7 retainHours=168 allowShort=false"), jobs.calls);
    assertEquals("/out", jobs.outputRoot);
  }

  @Test
  void itNeedsTheOutputRootOnly() {
    assertEquals(0, run("maintain", "--set", "output.root=/out", "--days", "3", "--retain-hours", "720"), err.toString());
    assertEquals(List.of("maintain days=3 retainHours=720 allowShort=false"), jobs.calls);
  }

  @Test
  void aRetentionBelowSevenDaysIsRefusedBeforeAnyWork() {
    assertEquals(2, run("maintain", "--set", "output.root=/out", "--retain-hours", "167"));
    assertTrue(err.toString().startsWith("error: retention 167 h is below 168 h"), err.toString());
    assertTrue(err.toString().contains("--allow-short-retention"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertEquals(List.of(), jobs.calls);
  }

  @Test
  void aShortRetentionNeedsTheExplicitFlag() {
    assertEquals(0, run("maintain", "--set", "output.root=/out", "--retain-hours", "0", "--allow-short-retention"),
        err.toString());
    assertEquals(List.of("maintain days=7 retainHours=0 allowShort=true"), jobs.calls);
  }

  @Test
  void badNumbersAndAMissingOutputRootAreRefused() {
    assertEquals(2, run("maintain", "--set", "output.root=/out", "--days", "0"));
    assertEquals(2, run("maintain", "--set", "output.root=/out", "--retain-hours", "-1", "--allow-short-retention"));
    assertEquals(2, run("maintain"));
    assertTrue(err.toString().contains("engagement.output.root"), err.toString());
    assertEquals(List.of(), jobs.calls);
  }
}
