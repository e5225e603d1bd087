package io.engagement.testing;

import static io.engagement.testing.TestFrames.date;

import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A tiny input tree in the contract's layout for tests that run whole days through the job: two
 * users of two accounts and two plans, a page view and an action of u1 every day, a purchase of
 * u2 on the days that include it, and one survey answer on {@link #SURVEY_DAY}.
 */
public final class TinyInputs {
  public static final LocalDate SURVEY_DAY = LocalDate.parse("2026-11-02");

  private TinyInputs() {}

  /** Writes {@code day}'s events (and survey answers on {@link #SURVEY_DAY}) under {@code input}. */
  public static void writeDay(Path input, LocalDate day, boolean withU2) {
    String d = day.toString();
    Events events =
        Events.builder()
            .full("a-" + d, d + "T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("b-" + d, d + "T09:05:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "2"));
    if (withU2) {
      events.full("c-" + d, d + "T11:00:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 20.0, null);
    }
    write(events.toDF(), input.resolve("events/date=" + d));
    if (day.equals(SURVEY_DAY)) {
      write(
          TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
              .row("r1", TestFrames.ts(d + "T12:00:00Z"), "u1", "acc-1", "relationship", 9, "great", "email")
              .toDF(),
          input.resolve("surveys/date=" + d));
    }
  }

  /** The users snapshot: u1 (acc-1, pro, emea) and u2 (acc-2, free, amer). */
  public static void writeUsers(Path input) {
    write(
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("u1", "acc-1", date("2026-10-01"), "pro", "emea")
            .row("u2", "acc-2", date("2026-10-15"), "free", "amer")
            .toDF(),
        input.resolve("users"));
  }

  /** Users and every day from {@code from} to {@code to}, each with u2. */
  public static Path writeDays(Path root, LocalDate from, LocalDate to) {
    Path input = root.resolve("in");
    writeUsers(input);
    from.datesUntil(to.plusDays(1)).forEach(day -> writeDay(input, day, true));
    return input;
  }

  public static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  /** The default config on the given roots, plus {@code extra} settings. */
  public static LoadedConfig config(Path input, Path output, Map<String, String> extra) {
    Map<String, String> sets = new HashMap<>(extra);
    sets.put("input.root", input.toString());
    sets.put("output.root", output.toString());
    return ConfigLoader.load(Optional.empty(), sets, Map.of());
  }

  /**
   * A byte copy of an output root, to start several tests from one processed state: Delta logs
   * hold paths relative to the table, so the copy is a table of its own.
   */
  public static Path copyOutput(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A written table without the run_id that differs between runs. */
  public static Dataset<Row> table(Path output, Tables table) {
    return SparkTestSession.get().read().format("delta").load(output.resolve(table.tableName()).toString())
        .drop(Columns.RUN_ID);
  }
}
