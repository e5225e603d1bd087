package io.engagement.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.config.LoadedConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.query.SqlScript;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  private static final String[] ROOTS = {"--set", "input.root=/in", "--set", "output.root=/out"};

  /** Records what the commands asked for; fails or succeeds as told, never starts Spark. */
  private static final class FakeJobs implements Jobs {
    final List<String> calls = new ArrayList<>();
    LoadedConfig lastConfig;
    SampleDataSpec lastSpec;
    Supplier<RuntimeException> failure;

    private void maybeFail() {
      if (failure != null) {
        throw failure.get();
      }
    }

    @Override
    public void daily(
        LoadedConfig loaded, boolean verbose, LocalDate date, boolean cascade, boolean allowGaps) {
      lastConfig = loaded;
      calls.add(
          "daily "
              + date
              + " cascade="
              + cascade
              + " allowGaps="
              + allowGaps
              + " verbose="
              + verbose);
      maybeFail();
    }

    @Override
    public void backfill(LoadedConfig loaded, boolean verbose, LocalDate from, LocalDate to) {
      lastConfig = loaded;
      calls.add("backfill " + from + " " + to);
      maybeFail();
    }

    @Override
    public SampleDataSummary generateSampleData(SampleDataSpec spec) {
      lastSpec = spec;
      calls.add("generate");
      maybeFail();
      return new SampleDataSummary(1234, 56, 78, 9.87);
    }

    @Override
    public void sql(
        String outputRoot,
        List<SqlScript.Statement> statements,
        int limit,
        int maxWidth,
        PrintWriter out,
        PrintWriter err) {
      calls.add("sql");
      maybeFail();
    }

    @Override
    public void maintain(
        String outputRoot, int days, int retainHours, boolean allowShortRetention, PrintWriter out) {
      calls.add("maintain");
      maybeFail();
    }
  }

  private record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private final FakeJobs jobs = new FakeJobs();

  private Result run(Map<String, String> env, Properties props, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), env, props, jobs).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result run(String... args) {
    return run(Map.of(), new Properties(), args);
  }

  private static String[] with(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(first, 0, all, more.length, first.length);
    return all;
  }

  // ---- help ----

  @Test
  void topLevelHelpListsTheCommands() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String command : List.of("daily", "backfill", "validate-config", "generate-sample-data")) {
      assertTrue(r.out().contains(command), r.out());
    }
  }

  @Test
  void dailyHelpMentionsItsOptions() {
    Result r = run("daily", "--help");
    assertEquals(0, r.code());
    for (String option :
        List.of("--date", "--cascade", "--allow-gaps", "--config", "--set", "--verbose")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void backfillHelpMentionsItsOptions() {
    Result r = run("backfill", "--help");
    assertEquals(0, r.code());
    for (String option : List.of("--from", "--to", "--config", "--set", "--verbose")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void validateConfigHelpMentionsItsOptions() {
    Result r = run("validate-config", "--help");
    assertEquals(0, r.code());
    for (String option : List.of("--config", "--set", "--verbose")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void generateSampleDataHelpMentionsItsOptionsAndDefaults() {
    Result r = run("generate-sample-data", "--help");
    assertEquals(0, r.code());
    for (String option :
        List.of(
            "--out",
            "--from",
            "--to",
            "--users",
            "--events-per-day",
            "--seed",
            "--config",
            "--set",
            "--verbose")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
    assertTrue(
        r.out().contains("2000") && r.out().contains("10000") && r.out().contains("42"), r.out());
  }

  // ---- usage errors: exit 2, one line ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bogus",
        "daily",
        "daily --date 2026-13-40",
        "daily --date 2026-02-30",
        "daily --date yesterday",
        "daily --date 2026-03-01 --frobnicate",
        "daily --date 2026-03-01 --set window-days",
        "backfill --from 2026-03-01",
        "backfill --from 2026-03-02 --to 2026-03-01",
        "generate-sample-data --out x --from 2026-03-02 --to 2026-03-01",
        "generate-sample-data --out x --from 2026-03-01 --to 2026-03-01 --users 0",
        "generate-sample-data --out x --from 2026-03-01 --to 2026-03-01 --users many",
      })
  void badUsageExitsTwoWithOneErrorLine(String commandLine) {
    Result r = run(commandLine.split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertTrue(jobs.calls.isEmpty(), "no job may start: " + jobs.calls);
  }

  @Test
  void noCommandIsBadUsage() {
    Result r = run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("daily"), r.err());
  }

  @Test
  void badDateIsNamedInTheError() {
    Result r = run("daily", "--date", "2026-13-40");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("2026-13-40") && r.err().contains("--date"), r.err());
  }

  @Test
  void fromAfterToIsNamedInTheError() {
    Result r = run(with(ROOTS, "backfill", "--from", "2026-03-02", "--to", "2026-03-01"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--from 2026-03-02 is after --to 2026-03-01"), r.err());
  }

  // ---- config ----

  @Test
  void validateConfigOnDefaultsPrintsTheEffectiveConfig() {
    Result r = run("validate-config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("engagement {"), r.out());
    assertTrue(r.out().contains("window-days=28"), r.out());
    assertTrue(r.out().contains("\"upload_file.count\""), r.out());
    assertTrue(r.out().matches("(?s).*config_hash [0-9a-f]{64}.*"), r.out());
    // the unset roots are valid here but worth a note
    assertTrue(r.out().contains("# note: engagement.input.root is not set"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void invalidSetIsRefusedNamingTheKey() {
    Result r = run("validate-config", "--set", "window-days=0");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("engagement.window-days"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingConfigFileIsRefusedNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.conf");
    Result r = run("validate-config", "--config", missing.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(missing.toString()), r.err());
  }

  @Test
  void invalidConfigStopsTheRunBeforeAnyJob() {
    Result r =
        run(with(ROOTS, "daily", "--date", "2026-03-01", "--set", "kpis.revenue.aggregation=avg"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("engagement.kpis.revenue.aggregation"), r.err());
    assertTrue(jobs.calls.isEmpty(), jobs.calls::toString);
  }

  @Test
  void dailyWithoutRootsIsRefusedNamingTheKeys() {
    Result r = run("daily", "--date", "2026-03-01");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("engagement.input.root"), r.err());
    assertTrue(r.err().contains("engagement.output.root"), r.err());
    assertTrue(jobs.calls.isEmpty(), jobs.calls::toString);
  }

  @Test
  void environmentAndSystemPropertiesReachTheConfig() {
    Properties props = new Properties();
    props.setProperty("engagement.window-days", "14");
    props.setProperty("engagement.min-reliance-days", "3");
    Map<String, String> env =
        Map.of("ENGAGEMENT_INPUT_ROOT", "/env/in", "ENGAGEMENT_OUTPUT_ROOT", "/env/out");
    // --set beats -D
    Result r = run(env, props, "daily", "--date", "2026-03-01", "--set", "min-reliance-days=5");
    assertEquals(0, r.code(), r.err());
    assertEquals("/env/in", jobs.lastConfig.config().inputRoot());
    assertEquals("/env/out", jobs.lastConfig.config().outputRoot());
    assertEquals(14, jobs.lastConfig.config().windowDays());
    assertEquals(5, jobs.lastConfig.config().minRelianceDays());
  }

  // ---- running: arguments reach the job, failures map to exit codes ----

  @Test
  void dailyPassesItsFlagsToTheJob() {
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01", "--cascade", "--allow-gaps"));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("daily 2026-03-01 cascade=true allowGaps=true verbose=false"), jobs.calls);
    assertEquals("/in", jobs.lastConfig.config().inputRoot());
  }

  @Test
  void backfillPassesItsRangeToTheJob() {
    Result r = run(with(ROOTS, "backfill", "--from", "2026-03-01", "--to", "2026-03-03"));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("backfill 2026-03-01 2026-03-03"), jobs.calls);
  }

  @Test
  void generateSampleDataUsesTheDefaultsAndPrintsASummary() {
    Result r =
        run(
            "generate-sample-data",
            "--out",
            "sample-data",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-07");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        new SampleDataSpec(
            "sample-data", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7), 2000, 10000, 42),
        jobs.lastSpec);
    assertEquals(
        List.of(
            "generated 1234 events, 56 survey responses and 78 users for 2026-03-01..2026-03-07"
                + " under sample-data in 9.9 s"),
        r.out().lines().toList());
  }

  @Test
  void generateSampleDataTakesItsOptions() {
    Result r =
        run(
            "generate-sample-data",
            "--out",
            "d",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-02",
            "--users",
            "10",
            "--events-per-day",
            "50",
            "--seed",
            "7");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        new SampleDataSpec("d", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 10, 50, 7),
        jobs.lastSpec);
  }

  @Test
  void runFailureIsExitOneWithOneLine() {
    jobs.failure =
        () ->
            EngagementException.runFailed(
                "events for 2026-03-01 not found at /in/events", new RuntimeException("io"));
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01"));
    assertEquals(1, r.code());
    assertEquals(List.of("error: events for 2026-03-01 not found at /in/events"), r.errLines());
  }

  @Test
  void verboseAddsTheStackTrace() {
    jobs.failure =
        () -> EngagementException.runFailed("events not found", new RuntimeException("io"));
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01", "--verbose"));
    assertEquals(1, r.code());
    assertEquals("error: events not found", r.errLines().get(0));
    assertTrue(r.errLines().size() > 1, r.err());
    assertTrue(r.err().contains("\tat "), r.err());
    assertTrue(r.err().contains("Caused by: java.lang.RuntimeException: io"), r.err());
  }

  @Test
  void qualityGateIsExitThree() {
    jobs.failure = () -> EngagementException.qualityGate("12% of events rejected on 2026-03-01");
    Result r = run(with(ROOTS, "backfill", "--from", "2026-03-01", "--to", "2026-03-02"));
    assertEquals(ExitCode.QUALITY_GATE.code(), r.code());
    assertEquals(List.of("error: 12% of events rejected on 2026-03-01"), r.errLines());
  }

  @Test
  void unexpectedExceptionIsExitOneNamingItsType() {
    jobs.failure = () -> new IllegalStateException("boom\nsecond line");
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01"));
    assertEquals(1, r.code());
    assertEquals(
        List.of(
            "error: unexpected java.lang.IllegalStateException: boom second line (rerun with"
                + " --verbose for the stack trace)"),
        r.errLines());
  }

  @Test
  void unexpectedExceptionWithVerbosePrintsTheTrace() {
    jobs.failure = () -> new IllegalStateException("boom");
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01", "--verbose"));
    assertEquals(1, r.code());
    assertEquals("error: unexpected java.lang.IllegalStateException: boom", r.errLines().get(0));
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void verboseReachesTheJob() {
    Result r = run(with(ROOTS, "daily", "--date", "2026-03-01", "--verbose"));
    assertEquals(0, r.code(), r.err());
    assertEquals(
        List.of("daily 2026-03-01 cascade=false allowGaps=false verbose=true"), jobs.calls);
    assertNull(jobs.lastSpec);
    assertFalse(r.err().contains("error"), r.err());
  }
}
