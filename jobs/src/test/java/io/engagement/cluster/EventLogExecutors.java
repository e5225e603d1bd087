package io.engagement.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which executors ran tasks, read from a Spark event log (one JSON event a line). Executors that
 * registered but never ran a task do not count: the point is that the work was spread.
 */
final class EventLogExecutors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventLogExecutors() {}

  /** The ids of the executors that finished at least one task, over every log in {@code dir}. */
  static SortedSet<String> thatRanTasks(Path dir) {
    SortedSet<String> executors = new TreeSet<>();
    // Spark 4 writes each application's log as a folder of rolled files (events_N_<app id>) next to
    // hidden checksums and an empty app-status marker; every other line holds one JSON event.
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path log : files.filter(EventLogExecutors::isEventFile).toList()) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          JsonNode event = JSON.readTree(line);
          if ("SparkListenerTaskEnd".equals(event.path("Event").asText())) {
            executors.add(event.path("Task Info").path("Executor ID").asText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event logs in " + dir, e);
    }
    return executors;
  }

  private static boolean isEventFile(Path path) {
    String name = path.getFileName().toString();
    return Files.isRegularFile(path) && !name.startsWith(".") && !name.startsWith("appstatus");
  }
}
