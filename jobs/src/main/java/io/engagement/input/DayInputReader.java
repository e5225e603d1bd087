package io.engagement.input;

import io.engagement.errors.EngagementException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SessionState;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one day of input (contract.md "Inputs"): the I/O edge in front of {@link RecordValidator}.
 *
 * <p>Only the day's own folders are listed and read, never the whole tree, so the cost of a day
 * does not grow with history. Every file's schema is checked from its Parquet footer before any
 * row is read, so a bad export stops the run with a message naming the table, the column and the
 * file, rather than failing half-way or, worse, reading nulls. Files are then read with their own
 * (checked) schema, grouped by schema, and conformed to {@link InputSchemas}.
 *
 * <p>Footers are read one by one on the driver: a few milliseconds per file locally, a round trip
 * per file on object stores, which is fine for a day's handful of files.
 */
public final class DayInputReader {
  private static final String DATE_PREFIX = "date=";

  private final SparkSession spark;
  private final Path root;

  public DayInputReader(SparkSession spark, String inputRoot) {
    this.spark = spark;
    this.root = new Path(inputRoot);
  }

  /**
   * The day's events (required), surveys (absent = none) and users snapshot (absent = none).
   *
   * @param segments the configured segment dimensions: string columns the users input must have
   */
  public RawDay read(LocalDate day, List<String> segments) {
    Configuration conf = hadoopConf();
    return new RawDay(day, events(day, conf), surveys(day, conf), users(day, segments, conf));
  }

  private Dataset<Row> events(LocalDate day, Configuration conf) {
    Path dir = partition(InputSchemas.EVENTS, day);
    if (!exists(dir, conf)) {
      throw EngagementException.runFailed(
          "events for " + day + " not found at " + dir
              + ": check engagement.input.root or the upstream export", null);
    }
    return readTable(InputSchemas.EVENTS, InputSchemas.EVENTS_SCHEMA, InputSchemas.EVENTS_REQUIRED,
        dataFiles(dir, conf), conf);
  }

  private Dataset<Row> surveys(LocalDate day, Configuration conf) {
    Path dir = partition(InputSchemas.SURVEYS, day);
    List<Path> files = exists(dir, conf) ? dataFiles(dir, conf) : List.of();
    return readTable(InputSchemas.SURVEYS, InputSchemas.SURVEYS_SCHEMA, InputSchemas.SURVEYS_REQUIRED,
        files, conf);
  }

  /**
   * The latest dated snapshot on or before the day; else the undated snapshot; else none. A dated
   * snapshot after the day is never used: a rerun of an old day must see what that day saw.
   */
  private Dataset<Row> users(LocalDate day, List<String> segments, Configuration conf) {
    StructType schema = InputSchemas.usersSchema(segments);
    List<String> mustExist = new ArrayList<>(InputSchemas.USERS_REQUIRED);
    mustExist.addAll(segments);
    Path dir = new Path(root, InputSchemas.USERS);
    List<Path> files = List.of();
    if (exists(dir, conf)) {
      Optional<Path> snapshot = latestSnapshot(dir, day, conf);
      files = dataFiles(snapshot.orElse(dir), conf);
    }
    return readTable(InputSchemas.USERS, schema, mustExist, files, conf);
  }

  private Optional<Path> latestSnapshot(Path usersDir, LocalDate day, Configuration conf) {
    Map<LocalDate, Path> dated = new LinkedHashMap<>();
    for (FileStatus status : list(usersDir, conf)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith(DATE_PREFIX)) {
        try {
          dated.put(LocalDate.parse(name.substring(DATE_PREFIX.length())), status.getPath());
        } catch (DateTimeParseException notADate) {
          // Not a snapshot folder (e.g. date=latest): ignored like any other stray folder.
        }
      }
    }
    return dated.keySet().stream()
        .filter(d -> !d.isAfter(day))
        .max(Comparator.naturalOrder())
        .map(dated::get);
  }

  private Dataset<Row> readTable(
      String table, StructType schema, Collection<String> mustExist, List<Path> files, Configuration conf) {
    // Files grouped by the schema they are read with: usually one group; files written by
    // different export versions (an added optional column, int vs double) read side by side.
    Map<StructType, List<String>> groups = new LinkedHashMap<>();
    for (Path file : files) {
      StructType readSchema =
          SchemaConformance.readSchema(table, schema, mustExist, file.toString(), footerSchema(table, file, conf));
      groups.computeIfAbsent(readSchema, s -> new ArrayList<>()).add(file.toString());
    }
    Dataset<Row> result = null;
    for (Map.Entry<StructType, List<String>> group : groups.entrySet()) {
      Dataset<Row> read =
          spark.read().schema(group.getKey()).parquet(group.getValue().toArray(String[]::new));
      Dataset<Row> conformed = SchemaConformance.conform(read, schema);
      result = result == null ? conformed : result.union(conformed);
    }
    return result != null ? result : spark.createDataFrame(List.of(), schema);
  }

  /** The file's schema as Spark would read it, from the footer alone (no Spark job). */
  private StructType footerSchema(String table, Path file, Configuration conf) {
    MessageType parquetSchema;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      parquetSchema = reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      throw EngagementException.runFailed(
          table + " file " + file + " is not a readable Parquet file (" + oneLine(e)
              + "): replace or remove it upstream, then rerun", e);
    }
    // The session's settings (binary as string, INT96, NTZ inference) convert it as the read will.
    return new ParquetToSparkSchemaConverter(sessionState().conf()).convert(parquetSchema);
  }

  /**
   * The data files directly in {@code dir}, in name order; hidden and marker files
   * ({@code _SUCCESS}, {@code .crc}) are skipped as Spark skips them.
   */
  private List<Path> dataFiles(Path dir, Configuration conf) {
    return Arrays.stream(list(dir, conf))
        .filter(FileStatus::isFile)
        .map(FileStatus::getPath)
        .filter(p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))
        .sorted()
        .toList();
  }

  private Path partition(String table, LocalDate day) {
    return new Path(new Path(root, table), DATE_PREFIX + day);
  }

  private FileStatus[] list(Path dir, Configuration conf) {
    try {
      return dir.getFileSystem(conf).listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    } catch (IOException e) {
      throw EngagementException.runFailed(
          "could not list " + dir + " (" + oneLine(e)
              + "): check access to engagement.input.root; a retry may help", e);
    }
  }

  private boolean exists(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      return fs.exists(path);
    } catch (IOException e) {
      throw EngagementException.runFailed(
          "could not check " + path + " (" + oneLine(e)
              + "): check access to engagement.input.root; a retry may help", e);
    }
  }

  /**
   * The Hadoop configuration Spark itself builds for a read (its own settings plus the session's
   * {@code spark.sql.*}), so listing and footers see the same file systems and credentials.
   */
  private Configuration hadoopConf() {
    return sessionState().newHadoopConf();
  }

  private SessionState sessionState() {
    return ((org.apache.spark.sql.classic.SparkSession) spark).sessionState();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
