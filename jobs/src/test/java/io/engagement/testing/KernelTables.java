package io.engagement.testing;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a Delta table with Delta Kernel's default engine, without Spark: an independent reader
 * that sees a table the way Trino, DuckDB or a Kernel-based service would. If our tables used a
 * feature such readers lack (deletion vectors, column mapping, v2 checkpoints, timestamp_ntz),
 * this is where it shows.
 *
 * <p>Values come back as plain Java values so that a test can compare them with Spark's rows:
 * DATE as {@link LocalDate}, TIMESTAMP as {@link Instant} (Kernel gives microseconds since the
 * epoch), TIMESTAMP_NTZ as {@link LocalDateTime}, arrays as lists, maps as maps in file order,
 * structs as maps by field name in schema order, the other types as their boxed Java values.
 */
public final class KernelTables {
  private KernelTables() {}

  /**
   * The latest snapshot of a table as Kernel sees it.
   *
   * @param version the snapshot's table version
   * @param protocol the protocol (reader and writer versions, table features)
   * @param schema the logical schema, partition columns included
   * @param partitionColumns the partition columns
   * @param checkpoints the names of the checkpoint files Kernel started from (empty: none)
   * @param rows every row, each a map from column name to value in schema order
   */
  public record KernelTable(
      long version,
      Protocol protocol,
      StructType schema,
      List<String> partitionColumns,
      List<String> checkpoints,
      List<Map<String, Object>> rows) {}

  /** Reads every row of the latest snapshot of the table at this local path. */
  public static KernelTable read(java.nio.file.Path tablePath) {
    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snapshot = Table.forPath(engine, tablePath.toString()).getLatestSnapshot(engine);
    List<String> checkpoints =
        snapshot.getLogSegment().getCheckpoints().stream().map(f -> fileName(f.getPath())).toList();
    try {
      return new KernelTable(
          snapshot.getVersion(),
          snapshot.getProtocol(),
          snapshot.getSchema(),
          snapshot.getPartitionColumnNames(),
          checkpoints,
          Collections.unmodifiableList(rows(engine, snapshot.getScanBuilder().build())));
    } catch (IOException e) {
      throw new UncheckedIOException("Delta Kernel failed to read " + tablePath, e);
    }
  }

  /** True when the type, or a type nested in it, is TIMESTAMP_NTZ. */
  public static boolean containsTimestampNtz(DataType type) {
    if (type instanceof TimestampNTZType) {
      return true;
    }
    if (type instanceof StructType s) {
      return s.fields().stream().anyMatch(f -> containsTimestampNtz(f.getDataType()));
    }
    if (type instanceof ArrayType a) {
      return containsTimestampNtz(a.getElementType());
    }
    if (type instanceof MapType m) {
      return containsTimestampNtz(m.getKeyType()) || containsTimestampNtz(m.getValueType());
    }
    return false;
  }

  /** Every reader and writer feature the protocol names, explicitly or implied by its versions. */
  public static Set<String> featureNames(Protocol protocol) {
    Set<String> names = new TreeSet<>(protocol.getReaderAndWriterFeatures());
    protocol.getImplicitlyAndExplicitlySupportedFeatures().forEach(f -> names.add(f.featureName()));
    return names;
  }

  /**
   * Kernel's read loop: the scan lists the data files; each is read with the engine's Parquet
   * reader using the physical schema, and {@link Scan#transformPhysicalData} turns that into the
   * logical rows (partition values added, deleted rows masked by the selection vector).
   */
  private static List<Map<String, Object>> rows(Engine engine, Scan scan) throws IOException {
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            Row scanFile = files.next();
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> physical =
                engine.getParquetHandler()
                    .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
              while (logical.hasNext()) {
                addRows(logical.next(), rows);
              }
            }
          }
        }
      }
    }
    return rows;
  }

  private static void addRows(FilteredColumnarBatch batch, List<Map<String, Object>> out) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    List<StructField> fields = data.getSchema().fields();
    for (int i = 0; i < data.getSize(); i++) {
      if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < fields.size(); c++) {
        row.put(fields.get(c).getName(), value(data.getColumnVector(c), i, fields.get(c).getDataType()));
      }
      out.add(row);
    }
  }

  private static Object value(ColumnVector vector, int i, DataType type) {
    if (vector.isNullAt(i)) {
      return null;
    }
    if (type instanceof StringType) {
      return vector.getString(i);
    }
    if (type instanceof LongType) {
      return vector.getLong(i);
    }
    if (type instanceof IntegerType) {
      return vector.getInt(i);
    }
    if (type instanceof DoubleType) {
      return vector.getDouble(i);
    }
    if (type instanceof BooleanType) {
      return vector.getBoolean(i);
    }
    if (type instanceof DateType) {
      return LocalDate.ofEpochDay(vector.getInt(i));
    }
    if (type instanceof TimestampType) {
      return Instant.EPOCH.plus(vector.getLong(i), ChronoUnit.MICROS);
    }
    if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofInstant(Instant.EPOCH.plus(vector.getLong(i), ChronoUnit.MICROS), ZoneOffset.UTC);
    }
    if (type instanceof ShortType) {
      return vector.getShort(i);
    }
    if (type instanceof ByteType) {
      return vector.getByte(i);
    }
    if (type instanceof FloatType) {
      return vector.getFloat(i);
    }
    if (type instanceof DecimalType) {
      return vector.getDecimal(i);
    }
    if (type instanceof BinaryType) {
      return vector.getBinary(i);
    }
    if (type instanceof ArrayType a) {
      ArrayValue array = vector.getArray(i);
      List<Object> elements = new ArrayList<>();
      for (int e = 0; e < array.getSize(); e++) {
        elements.add(value(array.getElements(), e, a.getElementType()));
      }
      return elements;
    }
    if (type instanceof MapType m) {
      MapValue map = vector.getMap(i);
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (int e = 0; e < map.getSize(); e++) {
        entries.put(value(map.getKeys(), e, m.getKeyType()), value(map.getValues(), e, m.getValueType()));
      }
      return entries;
    }
    if (type instanceof StructType s) {
      Map<String, Object> struct = new LinkedHashMap<>();
      for (int f = 0; f < s.length(); f++) {
        struct.put(s.at(f).getName(), value(vector.getChild(f), i, s.at(f).getDataType()));
      }
      return struct;
    }
    throw new UnsupportedOperationException("no Java value for Kernel type " + type);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
