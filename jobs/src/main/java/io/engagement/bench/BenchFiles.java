package io.engagement.bench;

import io.engagement.errors.EngagementException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder chores of the benchmark's work folder. */
final class BenchFiles {
  private BenchFiles() {}

  /** Deletes a folder and everything under it, if it exists; a failure is the run's error. */
  static void deleteTreeOrFail(Path root) {
    try {
      deleteTree(root);
    } catch (IOException | UncheckedIOException e) {
      throw EngagementException.runFailed(
          "could not clear " + root + " (" + e.getMessage() + "): remove it by hand or pick another --work", e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
