package io.engagement.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The jar's entry point: parses the command line, runs one command and turns its outcome into an
 * exit code (contract.md: 0 success, 1 run failed, 2 bad usage or config, 3 quality gate). The
 * config is loaded and validated by each command before any Spark work.
 */
public final class Main {
  private final CliContext context;

  /** A CLI printing to the given writers, with this environment and these system properties. */
  public Main(
      PrintWriter out, PrintWriter err, Map<String, String> env, Properties systemProperties) {
    this(out, err, env, systemProperties, Jobs.REAL);
  }

  Main(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Properties systemProperties,
      Jobs jobs) {
    this.context = new CliContext(out, err, Map.copyOf(env), systemProperties, jobs);
  }

  public static void main(String... args) {
    System.exit(run(args));
  }

  /** Runs one command in this process (System.out/err, environment, properties); the exit code. */
  public static int run(String... args) {
    return new Main(
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.getenv(),
            System.getProperties())
        .execute(args);
  }

  /** Runs one command and returns its exit code; never throws. */
  public int execute(String... args) {
    CommandLine cli = new CommandLine(new EngagementCommand());
    cli.addSubcommand(new DailyCommand(context));
    cli.addSubcommand(new BackfillCommand(context));
    cli.addSubcommand(new ValidateConfigCommand(context));
    cli.addSubcommand(new GenerateSampleDataCommand(context));
    cli.addSubcommand(new SqlCommand(context));
    cli.addSubcommand(new MaintainCommand(context));
    // After the sub-commands: these settings reach only the commands present when they are set.
    cli.setOut(context.out());
    cli.setErr(context.err());
    ErrorHandler errors = new ErrorHandler(context.err());
    cli.setParameterExceptionHandler(errors);
    cli.setExecutionExceptionHandler(errors);
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }
}
