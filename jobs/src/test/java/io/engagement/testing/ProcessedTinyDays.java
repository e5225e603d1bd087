package io.engagement.testing;

import io.engagement.pipeline.JobRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link TinyInputs}' days {@link #D1} to {@link #D3} (each with u2) processed by daily runs one
 * after the other with the default config, and a copy of the output after each day. Made once per
 * test JVM, by the first test that asks: the tests that start from these states (JobRunnerTest,
 * ConcurrentRunsTest) would otherwise each run the same days again, and a day's run costs
 * seconds.
 *
 * <p>Read-only: copy a state ({@link TinyInputs#copyOutput}) before running a day on it, and
 * write an input of your own to change one. A copy's job_runs rows carry the config hash of the
 * runs made here (the output root is part of the config).
 */
public final class ProcessedTinyDays {
  public static final LocalDate D1 = LocalDate.parse("2026-11-01");
  public static final LocalDate D2 = LocalDate.parse("2026-11-02");
  public static final LocalDate D3 = LocalDate.parse("2026-11-03");

  private static ProcessedTinyDays days;

  private final Path input;
  private final Map<LocalDate, Path> after;

  private ProcessedTinyDays(Path input, Map<LocalDate, Path> after) {
    this.input = input;
    this.after = Map.copyOf(after);
  }

  public static synchronized ProcessedTinyDays get() {
    if (days == null) {
      days = process();
    }
    return days;
  }

  /** The input root: users and the events of D1 to D3 (and the survey answer of D2). */
  public Path input() {
    return input;
  }

  /** The output root after the daily runs of D1 up to {@code day}, in order. */
  public Path after(LocalDate day) {
    Path root = after.get(day);
    if (root == null) {
      throw new IllegalArgumentException(day + " is not one of " + List.of(D1, D2, D3));
    }
    return root;
  }

  private static ProcessedTinyDays process() {
    Path root = createTempDirectory();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "delete-processed-tiny-days"));
    Path input = TinyInputs.writeDays(root, D1, D3);
    Path output = root.resolve("daily");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    JobRunner runner = new JobRunner(TinyInputs.config(input, output, Map.of()), false, quiet);
    Map<LocalDate, Path> after = new LinkedHashMap<>();
    for (LocalDate day : List.of(D1, D2, D3)) {
      runner.daily(day, false, false);
      after.put(day, TinyInputs.copyOutput(output, root.resolve("after-" + day)));
    }
    return new ProcessedTinyDays(input, after);
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("engagement-tiny-days-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder: nothing to do if it cannot be removed
    }
  }
}
