package io.engagement.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of a day's steps, each measured from the end of the previous one. */
final class StepTimer {
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Ends the step {@code name} now; returns its milliseconds. */
  long done(String name) {
    long now = System.nanoTime();
    long took = (now - last) / 1_000_000;
    millis.merge(name, took, Long::sum);
    last = now;
    return took;
  }

  Map<String, Long> millis() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }
}
