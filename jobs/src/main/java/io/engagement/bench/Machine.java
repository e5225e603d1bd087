package io.engagement.bench;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a benchmark ran on, so two result files can be compared: a figure means little without
 * the cores, memory, versions and how busy the machine was.
 *
 * @param memoryBytes physical memory of the machine
 * @param maxHeapBytes the JVM's heap limit (-Xmx); in local mode the driver is also every executor
 * @param loadAtStart the one-minute load average when the benchmark started (negative: unknown)
 * @param loadAtEnd the same when it ended
 */
public record Machine(
    LocalDate date,
    int cores,
    long memoryBytes,
    String cpu,
    String os,
    String java,
    String spark,
    String delta,
    long maxHeapBytes,
    double loadAtStart,
    double loadAtEnd) {

  /** This machine now (the end of a benchmark), with the load average noted at its start. */
  public static Machine current(String sparkVersion, double loadAtStart) {
    return new Machine(
        LocalDate.now(ZoneOffset.UTC),
        Runtime.getRuntime().availableProcessors(),
        physicalMemory(),
        cpuModel().orElse("unknown CPU"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + Runtime.version(),
        sparkVersion,
        Optional.ofNullable(DeltaTable.class.getPackage().getImplementationVersion()).orElse("unknown"),
        Runtime.getRuntime().maxMemory(),
        loadAtStart,
        loadAverage());
  }

  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long physicalMemory() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
  }

  /** The CPU's model name on Linux; elsewhere unknown. */
  private static Optional<String> cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException notLinux) {
      return Optional.empty();
    }
  }
}
