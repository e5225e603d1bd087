package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.bench.BenchReport.HistoryBuild;
import io.engagement.bench.BenchReport.HistoryComparison;
import io.engagement.bench.BenchReport.InputBuild;
import io.engagement.bench.BenchReport.SizeResult;
import io.engagement.bench.BenchReport.SkewComparison;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private static final long GIB = 1024L * 1024 * 1024;
  private static String markdown;
  private static List<String> lines;

  @BeforeAll
  static void render() {
    Machine machine = new Machine(LocalDate.parse("2026-12-05"), 2, 8 * GIB, "Test CPU", "Linux 6.1 amd64",
        "Eclipse 17.0.9", "4.2.0", "4.4.0", 4 * GIB, 1.5, 2.0);
    // The steps add up to the run's 20,000 ms.
    Map<String, Long> steps = steps(1000);
    DayRun shortRun = new DayRun(108_700, 20_000, steps, GIB / 2, 3 * GIB / 2, GIB, 1200);
    DayRun longRun = new DayRun(108_700, 23_000, steps(4000), GIB, 2 * GIB, -1, 1500);
    DayRun skewedRun = new DayRun(108_700, 32_000, steps(13000), GIB, 2 * GIB, -1, 1500);
    BenchReport report = new BenchReport("smoke", machine, "scripts/bench.sh --sizes 100000", LocalDate.parse("2026-11-04"),
        42, 7,
        List.of(new InputBuild(10_000, LocalDate.parse("2026-10-25"), LocalDate.parse("2026-11-03"), 50_000, 12.34)),
        List.of(new HistoryBuild(10_000, 3, 3, 5_000, 0, 50, 30, 0), new HistoryBuild(10_000, 10, 10, 5_000, 2, 50, 95, 0),
            new HistoryBuild(10_000, 10, 3, 5_000, 2, 50, 27, 4.5)),
        List.of(new SizeResult(100_000, 10_000, shortRun, 2_500)),
        Optional.of(new HistoryComparison(100_000, 10_000, 3, 10, shortRun, longRun)),
        Optional.of(new SkewComparison(100_000, 10_000, 0.05, shortRun, skewedRun)));
    markdown = MarkdownReport.render(report);
    lines = markdown.lines().toList();
  }

  /** Steps of 20,000 ms in all when {@code history} is 1,000: each other step's ms as below. */
  private static Map<String, Long> steps(long history) {
    Map<String, Long> steps = new LinkedHashMap<>();
    steps.put("plan", 100L);
    steps.put("input", 5000L);
    steps.put("history", history);
    steps.put("activity", 4000L);
    steps.put("scores", 6000L);
    steps.put("roll-ups", 1500L);
    steps.put("nps", 1000L);
    steps.put("insights", 900L);
    steps.put("job_runs", 500L);
    return steps;
  }

  private static void assertLine(String expected) {
    assertTrue(lines.contains(expected), "no line\n" + expected + "\nin\n" + markdown);
  }

  @Test
  void theEnvironmentNamesTheMachineVersionsDayAndCommand() {
    assertLine("# Daily run benchmark: smoke");
    assertLine("| Machine | 2 cores (Test CPU), 8.0 GiB RAM, Linux 6.1 amd64 |");
    assertLine("| Load average | 1.5 at start, 2.0 at end |");
    assertLine("| Spark | 4.2.0 |");
    assertLine("| Delta | 4.4.0 |");
    assertLine("| Driver heap | 4.0 GiB max (local mode: the driver is every executor) |");
    assertLine("| Measured day | 2026-11-04 (Wednesday), seed 42 |");
    assertLine("| Command | `scripts/bench.sh --sizes 100000` |");
  }

  @Test
  void theDailyRunRowHasRateRatioAndHeap() {
    // 108,700 events / 20 s = 5,435 events/s; 20 s / 2.5 s = 8.00; at start 0.5 GiB = 512 MiB;
    // peak 1.5 GiB = 1,536 MiB; after GC 1 GiB = 1,024 MiB; GC 1.2 s.
    assertLine("| events/day | users | input events | run s | events/s | scan s | run/scan | heap at start MiB"
        + " | peak heap MiB | heap after GC MiB | GC s |");
    assertLine("| 100,000 | 10,000 | 108,700 | 20.0 | 5,435 | 2.5 | 8.00 | 512 | 1,536 | 1,024 | 1.2 |");
  }

  @Test
  void stagesShowTheirSteps() {
    // writes: the steps add up to 20,000 ms: 20,000 - (100 + 5,000 + 1,000 + 4,000 + 6,000 + 1,500
    // + 1,000 + 900 + 500) = 0 left for writes, which this fixture does not time.
    assertLine("| events/day | plan | read | history | activity | metrics + scores | roll-ups | NPS | insights"
        + " | writes | job_runs | other | run |");
    assertLine("| 100,000 | 0.1 | 5.0 | 1.0 | 4.0 | 6.0 | 1.5 | 1.0 | 0.9 | 0.0 | 0.5 | 0.0 | 20.0 |");
    assertLine("| scores | metrics + scores | 6,000 |");
    assertLine("| input | read | 5,000 |");
  }

  @Test
  void historiesShowTheirVolumesAndBuildTime() {
    assertLine("| 10,000 | 2026-10-25 .. 2026-11-03 | 50,000 | 12.3 |");
    assertLine("| users | history days | run by the job | copied | events/day: recent days / older days | backfill s"
        + " | s per job day | copy s |");
    // 30 s / 3 days = 10.0; 95 s / 10 days = 9.5; nothing copied, no copy time.
    assertLine("| 10,000 | 3 | 3 | 0 | 5,000 | 30.0 | 10.0 | n/a |");
    assertLine("| 10,000 | 10 | 10 | 0 | 5,000 / 50 (2 days) | 95.0 | 9.5 | n/a |");
    // 3 days run by the job in 27 s = 9.0 s each; the other 10 - 3 = 7 copied in 4.5 s, the 2 oldest
    // with at most 50 rows per table.
    assertLine("| 10,000 | 10 | 3 | 7 | 5,000 / copies of at most 50 rows per table (2 days) | 27.0 | 9.0 | 4.5 |");
    assertTrue(markdown.contains("- Copied history days: the job ran only the newest days"), markdown);
  }

  @Test
  void historyIndependenceComparesStageByStage() {
    // 23 s / 20 s = 1.15 <= 1.2; history 4 s / 1 s = 4.00; heap 2 GiB / 1.5 GiB = 1.33.
    assertLine("The same day and input (100,000 events, 10,000 users) after 3 and after 10 days of history:"
        + " 1.15x, within the 1.2x target.");
    assertLine("| history s | 1.0 | 4.0 | 4.00 |");
    assertLine("| other s | 0.0 | 0.0 | n/a |");
    assertLine("| **run s** | 20.0 | 23.0 | **1.15** |");
    assertLine("| heap at start MiB | 512 | 1,024 | 2.00 |");
    assertLine("| peak heap MiB | 1,536 | 2,048 | 1.33 |");
    // The long run saw no collection: no figure, no ratio.
    assertLine("| heap after GC MiB | 1,024 | n/a | n/a |");
  }

  @Test
  void everyTableRowHasItsHeadersColumns() {
    int expected = -1;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        expected = -1;
        continue;
      }
      int columns = line.split("(?<!\\\\)\\|", -1).length;
      if (expected < 0) {
        expected = columns;
      }
      assertEquals(expected, columns, line);
    }
  }

  @Test
  void skewComparesTheDayAsGeneratedWithOneHeavyUser() {
    // 32 s / 20 s = 1.60 > 1.5; history 13 s / 1 s = 13.00.
    assertLine("The same day (100,000 events, 10,000 users) and history, as generated and with 5% of its events"
        + " moved to one user: 1.60x, above the 1.5x target.");
    assertLine("|  | as generated | 5% on one user | ratio |");
    assertLine("| history s | 1.0 | 13.0 | 13.00 |");
    assertLine("| **run s** | 20.0 | 32.0 | **1.60** |");
  }
}
