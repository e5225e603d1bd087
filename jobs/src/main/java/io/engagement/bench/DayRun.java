package io.engagement.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured daily run.
 *
 * @param inputEvents the day's event rows as read (accepted and rejected)
 * @param tookMillis the run's wall time, as JobRunner measures it (from planning to job_runs)
 * @param stepMillis JobRunner's steps in run order
 * @param heapAtStartBytes the heap in use before the run, after a collection
 * @param peakHeapBytes the heap pools' peak use during the run, added up ({@link HeapMeter})
 * @param heapAfterGcBytes the most heap in use right after a collection during the run; -1 if none
 * @param gcMillis time the collectors spent during the run
 */
public record DayRun(
    long inputEvents, long tookMillis, Map<String, Long> stepMillis, long heapAtStartBytes, long peakHeapBytes,
    long heapAfterGcBytes, long gcMillis) {
  public DayRun {
    stepMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stepMillis));
  }

  public double seconds() {
    return tookMillis / 1000.0;
  }

  /** Input events per second of the whole run. */
  public double eventsPerSecond() {
    return tookMillis == 0 ? Double.NaN : inputEvents * 1000.0 / tookMillis;
  }

  public Map<Stage, Long> stageMillis() {
    return Stage.group(stepMillis);
  }
}
