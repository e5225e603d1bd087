package io.engagement.testing;

import io.engagement.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The job's {@link Main} in a JVM of its own, started from the test classpath: what a test needs
 * to kill a run with SIGKILL, or to give it a Spark master (cores) that the shared test session
 * cannot have. The child gets the test JVM's module flags (Spark's --add-opens), heap and log
 * config, and its own working and temporary folders, so a killed run leaves nothing behind. It
 * runs with C1 only ({@link #QUICK_JIT}).
 */
public final class ChildJob {
  private static final long TIMEOUT_MINUTES = 5;
  /**
   * C1 only: a child lives a minute or so, cold, and C2's compilations cost more CPU than they
   * save in that time (measured: a tiny day's run in a fresh JVM took 80-90 s of CPU with C2,
   * 55-65 s with C1), CPU that the test JVM and the other children share on a 2-core CI machine.
   * StandaloneClusterIT runs its JVMs so for the same reason.
   */
  static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

  private final Path workDir;
  private final Map<String, String> systemProperties;
  private final List<String> args;

  /**
   * @param workDir the child's working and temporary folder
   * @param systemProperties e.g. {@code spark.master}: Spark reads {@code spark.*} properties into its conf
   * @param args the command line of {@link Main}
   */
  public ChildJob(Path workDir, Map<String, String> systemProperties, List<String> args) {
    this.workDir = workDir;
    this.systemProperties = Map.copyOf(systemProperties);
    this.args = List.copyOf(args);
  }

  /** Runs the job to its end; returns its exit code. Fails when it outlives the timeout. */
  public int run() {
    return runUntil(line -> false).exitCode();
  }

  /** The outcome of a child run: how it ended, and the line it was killed at, if any. */
  public record Outcome(int exitCode, String killedAt, String output) {
    public boolean killed() {
      return killedAt != null;
    }
  }

  /**
   * Runs the job and kills it with SIGKILL ({@link Process#destroyForcibly()} on Unix) as soon as
   * it prints a line matching {@code killWhen}; no shutdown hook or finally block runs.
   */
  public Outcome runUntil(Predicate<String> killWhen) {
    return runUntil(killWhen, 0);
  }

  /** As {@link #runUntil(Predicate)}, killing {@code delayMillis} after the matching line. */
  public Outcome runUntil(Predicate<String> killWhen, long delayMillis) {
    Process process = start();
    StringBuilder output = new StringBuilder();
    String killedAt = null;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        if (killedAt == null && killWhen.test(line)) {
          killedAt = line;
          Thread.sleep(delayMillis);
          // destroying the process also closes its streams: stop reading here
          process.destroyForcibly();
          break;
        }
      }
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("child job did not end within " + TIMEOUT_MINUTES + " min:\n" + output);
      }
      return new Outcome(process.exitValue(), killedAt, output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroyForcibly();
    }
  }

  private Process start() {
    try {
      Path tmp = Files.createDirectories(workDir.resolve("tmp"));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (flag.startsWith("--add-") || flag.startsWith("-Xmx")
            || flag.startsWith("-Duser.timezone")
            || flag.startsWith("-Dlog4j2.configurationFile")) {
          command.add(flag);
        }
      }
      command.add(QUICK_JIT);
      command.add("-Djava.io.tmpdir=" + tmp);
      command.add("-Dspark.ui.enabled=false");
      systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
      command.addAll(args);
      return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
