package io.engagement.cli;

import io.engagement.errors.EngagementException;
import io.engagement.query.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sql}: query the output tables, each a view named by its table. */
@Command(
    name = "sql",
    sortOptions = false,
    description = {
      "Run read-only Spark SQL on the output tables; each table is a view of its name",
      "(account_engagement, segment_nps, ...). Give the SQL inline or with --file."
    })
final class SqlCommand extends ConfiguredCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "SQL",
      description = "The statement(s) to run, separated by ';'.")
  private String inline;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "A .sql file: every statement in order, each under its '--' comment lines.")
  private Path file;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "The most rows printed per statement (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--max-width",
      paramLabel = "N",
      defaultValue = "80",
      description = "Cut longer values, with '...' (default: ${DEFAULT-VALUE}; 0: never).")
  private int maxWidth;

  SqlCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if ((inline == null) == (file == null)) {
      throw EngagementException.badUsage("give the SQL inline or with --file FILE (one of them)");
    }
    if (limit < 1) {
      throw EngagementException.badUsage("--limit " + limit + " must be at least 1");
    }
    if (maxWidth < 0) {
      throw EngagementException.badUsage("--max-width " + maxWidth + " must not be negative");
    }
    String outputRoot = OutputRoot.require(loadConfig());
    List<SqlScript.Statement> statements = SqlScript.parse(inline != null ? inline : read(file));
    if (statements.isEmpty()) {
      throw EngagementException.badUsage(
          "no SQL statement in " + (file != null ? file : "the argument") + ": nothing to run");
    }
    context().jobs().sql(outputRoot, statements, limit, maxWidth, context().out(), context().err());
    return 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw EngagementException.badUsage("--file " + file + " does not exist: check the path");
    } catch (IOException e) {
      throw EngagementException.badUsage("--file " + file + " cannot be read: " + e.getMessage());
    }
  }
}
