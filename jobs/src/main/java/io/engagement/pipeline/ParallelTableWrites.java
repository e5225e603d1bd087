package io.engagement.pipeline;

import io.engagement.output.Tables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Writes a day's tables from a few threads at once. Once the shared intermediates are computed
 * the tables are independent, and most of a table's write is not data work: Delta loads the
 * table's snapshot, plans the replace, runs a small job (often one task, as each day is bin-packed
 * into one file) and commits. One at a time, those steps left the cores idle most of a day's run
 * (benchmarks/); several at once keep them busy. Each table is still replaced atomically, so a
 * crash leaves each table either with its old day or its new one, as before.
 */
final class ParallelTableWrites {
  /** Enough to overlap one table's Delta bookkeeping with another's data work; more only queues. */
  static final int THREADS = 4;

  /** A write failed: which table, why, and the rows of the tables that were written, in table order. */
  static final class WriteFailed extends RuntimeException {
    private final transient Tables table;
    private final transient Map<String, Long> written;

    WriteFailed(Tables table, Throwable cause, Map<String, Long> written) {
      super(cause.getMessage(), cause);
      this.table = table;
      // Table order, as job_runs lists a successful run's tables.
      this.written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    Tables table() {
      return table;
    }

    Map<String, Long> written() {
      return written;
    }
  }

  private ParallelTableWrites() {}

  /**
   * Writes every table with {@code write} (which returns the rows written) and returns the rows
   * per table name, in the order given. Waits for every write to end, failed or not, before it
   * returns or throws: the caller frees the data the writes read only then. The first failure in
   * table order is thrown as {@link WriteFailed} (an {@link Error} as is).
   */
  static Map<String, Long> writeAll(List<Tables> tables, ToLongFunction<Tables> write) {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, Math.max(1, tables.size())),
            task -> {
              Thread thread = new Thread(task, "table-writer-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (Tables table : tables) {
        futures.add(pool.submit(() -> write.applyAsLong(table)));
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      Throwable firstFailure = null;
      Tables failedTable = null;
      for (int i = 0; i < tables.size(); i++) {
        try {
          rows.put(tables.get(i).tableName(), futures.get(i).get());
        } catch (ExecutionException e) {
          if (firstFailure == null) {
            firstFailure = e.getCause();
            failedTable = tables.get(i);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the table writes", e);
        }
      }
      if (firstFailure instanceof Error error) {
        throw error;
      }
      if (firstFailure != null) {
        throw new WriteFailed(failedTable, firstFailure, rows);
      }
      return rows;
    } finally {
      pool.shutdown();
    }
  }
}
