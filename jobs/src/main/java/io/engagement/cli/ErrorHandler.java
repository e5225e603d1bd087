package io.engagement.cli;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps every failure to its exit code and ONE line on stderr (contract.md): schedulers read the
 * code, people read the line; the stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintWriter err;

  ErrorHandler(PrintWriter err) {
    this.err = err;
  }

  /** Bad command line: picocli's message plus where to look, exit 2. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    String command = ex.getCommandLine().getCommandSpec().qualifiedName();
    err.println("error: " + oneLine(ex.getMessage()) + " (see '" + command + " --help')");
    err.flush();
    return ExitCode.BAD_USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parsed) {
    boolean verbose =
        commandLine.getCommand() instanceof HasCommonOptions c && c.common().verbose();
    int code;
    if (ex instanceof EngagementException e) {
      err.println("error: " + oneLine(e.getMessage()));
      code = e.exitCode().code();
    } else {
      String message = ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage());
      err.println(
          "error: unexpected "
              + ex.getClass().getName()
              + message
              + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
      code = ExitCode.RUN_FAILED.code();
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
