package io.engagement.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 (one master, some one-core workers) started from a
 * SPARK_HOME that holds only {@code jars/}: the Maven-resolved Spark and Delta jars, so no Spark
 * download is needed. Every JVM it starts (master, workers, the executors the workers fork, the
 * submitted drivers) is killed by {@link #close}, or by a shutdown hook if the test JVM dies first.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path sparkHome;
  private final List<String> jvmFlags;
  private final Path logDir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::killAll, "standalone-cluster-shutdown");
  private final int masterPort = freePort();
  private final int masterUiPort = freePort();

  /**
   * @param sparkHome a folder with {@code jars/}; the workers build executor commands from it
   * @param jvmFlags Spark's {@code --add-opens} list, which every JVM started without Spark's
   *     launcher scripts needs (the workers add it to executors themselves)
   * @param logDir where each process's output and the workers' folders go
   */
  StandaloneCluster(Path sparkHome, String jvmFlags, Path logDir) {
    this.sparkHome = sparkHome;
    this.jvmFlags = Arrays.asList(jvmFlags.trim().split("\\s+"));
    this.logDir = logDir;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** Starts the master and {@code workers} workers and waits until they have all registered. */
  void start(int workers, int workerCores, String workerMemory, Duration timeout) {
    createDirectories(logDir);
    // The master's REST submission server would take the fixed port 6066, which may be in use.
    launch("master", daemon(List.of("-Dspark.master.rest.enabled=false"), "org.apache.spark.deploy.master.Master",
        "--host", HOST, "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)));
    for (int i = 1; i <= workers; i++) {
      Path workDir = logDir.resolve("worker-" + i);
      createDirectories(workDir);
      // Web UI port 0: any free port, so workers never clash with each other or with other builds.
      launch("worker-" + i, daemon(List.of(), "org.apache.spark.deploy.worker.Worker", masterUrl(),
          "--host", HOST, "--cores", Integer.toString(workerCores), "--memory", workerMemory,
          "--work-dir", workDir.toString(), "--webui-port", "0"));
    }
    awaitAliveWorkers(workers, timeout);
  }

  /**
   * Runs {@code spark-submit} (its main class, in a JVM started here) in client deploy mode against
   * this cluster and returns its exit code; kills it and fails after {@code timeout}.
   */
  int submit(List<String> submitArgs, String driverMemory, Path log4jConfig, Duration timeout) {
    List<String> command = new ArrayList<>(java());
    command.add("-Xmx" + driverMemory);
    command.add("-Dlog4j2.configurationFile=" + log4jConfig);
    command.addAll(List.of("-cp", classPath(), "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(),
        "--deploy-mode", "client"));
    command.addAll(submitArgs);
    Process driver = launch("driver", command);
    try {
      if (!driver.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        kill(driver);
        throw new AssertionError("spark-submit did not finish within " + timeout + "; its output:\n" + logTail("driver"));
      }
      return driver.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for spark-submit", e);
    }
  }

  /** The last lines a process printed, for failure messages. */
  String logTail(String name) {
    try {
      List<String> lines = Files.readAllLines(logDir.resolve(name + ".log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
  }

  private List<String> daemon(List<String> systemProperties, String mainClass, String... args) {
    List<String> command = new ArrayList<>(java());
    command.add("-Xmx256m");
    command.addAll(systemProperties);
    command.addAll(List.of("-cp", classPath(), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    return command;
  }

  private String classPath() {
    return sparkHome.resolve("jars").toAbsolutePath() + "/*";
  }

  private synchronized Process launch(String name, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logDir.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    // Workers build executor commands from SPARK_HOME/jars; without a build tree, Spark's launcher
    // needs the Scala version spelled out.
    env.put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // The job reads these; the cluster run must see only the options the test passes.
    env.keySet().removeIf(key -> key.startsWith("ENGAGEMENT_"));
    try {
      Process process = builder.start();
      processes.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  private void awaitAliveWorkers(int workers, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    URI state = URI.create("http://" + HOST + ":" + masterUiPort + "/json");
    int alive = 0;
    while (Instant.now().isBefore(deadline)) {
      alive = aliveWorkers(state);
      if (alive >= workers) {
        return;
      }
      processes.forEach(p -> {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster process exited early; master log:\n" + logTail("master"));
        }
      });
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(alive + " of " + workers + " workers registered within " + timeout
        + "; master log:\n" + logTail("master") + "\nworker-1 log:\n" + logTail("worker-1"));
  }

  private static int aliveWorkers(URI state) {
    try (var in = state.toURL().openStream()) {
      JsonNode json = JSON.readTree(in);
      return json.path("aliveworkers").asInt(0);
    } catch (IOException notUpYet) {
      return 0;
    }
  }

  /** Kills each process with everything it started (a worker's executors are its children). */
  private synchronized void killAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      kill(processes.get(i));
    }
    processes.clear();
  }

  private static void kill(Process process) {
    // The tree is listed before anything dies: orphans are re-parented and no longer descendants.
    List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    tree.forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timedOut -> p).join());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
