package io.engagement.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use and GC time over a stretch of work, from the JVM's own counters. In local mode the
 * driver is also every executor, so this is all the memory the run's rows take in the JVM.
 *
 * <p>Two figures, because neither alone says what a run needs: the peak is the sum of each heap
 * pool's peak (eden, survivor, old), an upper bound of the heap in use at once that grows with
 * whatever heap the collector is given; the heap after GC is the most still in use right after
 * any collection of the run (young or full, concurrent cycles left out), a tighter upper bound of
 * what the run keeps alive (dead objects already promoted wait for a mixed or full collection).
 * A collection runs first so garbage left by earlier work counts in neither, and what is still in
 * use then is noted as the baseline.
 */
final class HeapMeter implements AutoCloseable {
  private final long atStart;
  private final Map<String, Long> collectionsAtStart = new HashMap<>();
  private final long gcMillisAtStart;
  private final Set<String> heapPoolNames;
  private final AtomicLong maxAfterGc = new AtomicLong(-1);
  private final NotificationListener listener = this::collected;

  private HeapMeter() {
    this.atStart = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collectionsAtStart.put(gc.getName(), gc.getCollectionCount());
    }
    this.gcMillisAtStart = gcMillis();
    this.heapPoolNames = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  static HeapMeter start() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    return new HeapMeter();
  }

  /**
   * Bytes in use at the start, right after the collection: what the JVM held before the run (Spark's
   * UI history, caches), which the other figures include.
   */
  long atStartBytes() {
    return atStart;
  }

  /** Bytes: the heap pools' peaks since {@link #start}, added up. */
  long peakBytes() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  /** Bytes: the most heap in use right after a collection since {@link #start}; -1 if none ran. */
  long maxAfterGcBytes() {
    return maxAfterGc.get();
  }

  /** Milliseconds the collectors ran since {@link #start}. */
  long gcMillisSinceStart() {
    return gcMillis() - gcMillisAtStart;
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException alreadyGone) {
          // Nothing to remove: the listener was never added to this collector.
        }
      }
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    // The collection before start() may be reported late; a concurrent cycle collects no eden.
    boolean beforeStart = info.getGcInfo().getId() <= collectionsAtStart.getOrDefault(info.getGcName(), 0L);
    if (beforeStart || info.getGcName().contains("Concurrent")) {
      return;
    }
    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPoolNames.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
    maxAfterGc.accumulateAndGet(used, Math::max);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
        .toList();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(millis -> millis > 0)
        .sum();
  }
}
