package io.engagement.sample;

import static io.engagement.input.InputSchemas.EVENTS;
import static io.engagement.input.InputSchemas.EVENTS_SCHEMA;
import static io.engagement.input.InputSchemas.SURVEYS;
import static io.engagement.input.InputSchemas.SURVEYS_SCHEMA;
import static io.engagement.input.InputSchemas.USERS;

import io.engagement.errors.EngagementException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Writes a realistic input root (contract.md, Inputs) for demos, tests and benchmarks:
 * {@code events/date=D/}, {@code surveys/date=D/} (days with responses only) and one current
 * {@code users/} snapshot, with the schemas of {@link io.engagement.input.InputSchemas} (users with
 * the segment columns plan, region and industry), including a small share of every kind of bad
 * row the job must reject.
 *
 * <p>Deterministic: every random draw is seeded from the spec's seed and what it is for (user,
 * day, chunk), chunks depend on the spec only, and files get stable names, so the same spec
 * gives the same bytes on a laptop or a cluster. Scalable: a day's events are generated inside
 * Spark, a chunk of users per task, streaming into the writer; the driver never holds them.
 */
public final class SampleDataGenerator {
  private SampleDataGenerator() {}

  /** Zstandard: 40% smaller than Snappy on the committed sample, and read by every Parquet reader. */
  static final String COMPRESSION = "zstd";
  private static final String TIMESTAMP_TYPE_CONF = "spark.sql.parquet.outputTimestampType";

  /** Generates with progress lines on standard output. */
  public static SampleDataSummary generate(SampleDataSpec spec) {
    return generate(spec, System.out::println);
  }

  /**
   * Generates, reporting one line per day and a total to {@code progress}. Replaces the users
   * snapshot and each day of the range under {@code outDir} (a day without responses loses an
   * old surveys folder); other days already there are left alone. Uses the active SparkSession,
   * or starts one (local[*] when no master is configured) and leaves it running for the caller.
   */
  public static SampleDataSummary generate(SampleDataSpec spec, Consumer<String> progress) {
    Map<LocalDate, Integer> everyDay = new TreeMap<>();
    spec.from().datesUntil(spec.to().plusDays(1)).forEach(day -> everyDay.put(day, spec.eventsPerDay()));
    return generate(spec, everyDay, progress);
  }

  /**
   * Writes only the days of {@code eventsPerDay}, each with its own volume, in the world of the
   * whole spec: the population of its range and the survey sequence of its days, so a day written
   * here is the day a full run with that day's volume writes, byte for byte. A benchmark writes its
   * history at one volume and then rewrites its measured day at another, for the same users. The
   * spec's own events-per-day is not used; the users snapshot is always rewritten.
   *
   * @param eventsPerDay days of the spec's range to write, and the average events of each
   */
  public static SampleDataSummary generate(
      SampleDataSpec spec, Map<LocalDate, Integer> eventsPerDay, Consumer<String> progress) {
    eventsPerDay.forEach((day, events) -> checkDay(spec, day, events));
    long started = System.nanoTime();
    SparkSession spark = session();
    String previousTimestampType = spark.conf().get(TIMESTAMP_TYPE_CONF, null);
    spark.conf().set(TIMESTAMP_TYPE_CONF, "TIMESTAMP_MICROS");
    try {
      Population population = new Population(spec.seed(), spec.users(), spec.from(), spec.to());
      Path root = new Path(spec.outDir());
      ParquetOutput output = new ParquetOutput(spark, root, COMPRESSION);

      long users = writeUsers(spark, output, population, new Path(root, USERS));
      progress.accept(String.format(Locale.ROOT, "users: %,d rows, %,d accounts", users, population.accounts()));

      long events = 0;
      long surveys = 0;
      int nextBadSurvey = 0;
      for (LocalDate date = spec.from(); !date.isAfter(spec.to()); date = date.plusDays(1)) {
        // Surveys of the days left out are still drawn: the bad rows cycle through their kinds
        // across days, so a later day's rows depend on how many bad rows came before it.
        SurveyRows.Day day = SurveyRows.forDay(population, date.toEpochDay(), nextBadSurvey);
        nextBadSurvey += day.badRows();
        if (!eventsPerDay.containsKey(date)) {
          continue;
        }
        long dayStarted = System.nanoTime();
        Path eventsDir = new Path(root, EVENTS + "/date=" + date);
        long dayEvents = writeEvents(spark, output, population, date.toEpochDay(), eventsPerDay.get(date), eventsDir);

        Path surveysDir = new Path(root, SURVEYS + "/date=" + date);
        if (day.rows().isEmpty()) {
          output.delete(surveysDir);
        } else {
          Dataset<Row> raw = spark.createDataFrame(day.rows(), RawRows.of(SURVEYS_SCHEMA)).coalesce(1);
          output.write(RawRows.restore(raw, SURVEYS_SCHEMA), surveysDir);
        }
        events += dayEvents;
        surveys += day.rows().size();
        progress.accept(
            String.format(
                Locale.ROOT,
                "%s: %,d events, %,d survey responses (%.1f s)",
                date,
                dayEvents,
                day.rows().size(),
                seconds(dayStarted)));
      }
      // The caller reports the totals (the CLI prints one line from the summary).
      return new SampleDataSummary(events, surveys, users, seconds(started));
    } finally {
      if (previousTimestampType == null) {
        spark.conf().unset(TIMESTAMP_TYPE_CONF);
      } else {
        spark.conf().set(TIMESTAMP_TYPE_CONF, previousTimestampType);
      }
    }
  }

  private static void checkDay(SampleDataSpec spec, LocalDate day, Integer events) {
    if (day.isBefore(spec.from()) || day.isAfter(spec.to())) {
      throw EngagementException.badUsage(
          "sample day " + day + " is outside the spec's range " + spec.from() + ".." + spec.to()
              + ": widen the range or leave the day out");
    }
    if (events == null || events < 0) {
      throw EngagementException.badUsage("sample day " + day + " has " + events + " events: give 0 or more");
    }
  }

  /** The running session, or a new one; local[*] when neither spark-submit nor the caller set a master. */
  private static SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder();
    if (SparkSession.getActiveSession().isEmpty() && !new SparkConf().contains("spark.master")) {
      builder = builder.master("local[*]").appName("engagement generate-sample-data");
    }
    return builder.getOrCreate();
  }

  private static long writeEvents(
      SparkSession spark, ParquetOutput output, Population population, long day, int eventsPerDay, Path dir) {
    int chunks = EventRows.chunks(eventsPerDay, population.users());
    double signedUpWeight = population.signedUpWeight(day);
    return writeChunks(
        spark,
        output,
        dir,
        chunks,
        EVENTS_SCHEMA,
        chunk -> new EventRows(population, day, chunk, chunks, eventsPerDay, signedUpWeight));
  }

  private static long writeUsers(SparkSession spark, ParquetOutput output, Population population, Path dir) {
    int chunks = UserRows.chunks(population.users());
    return writeChunks(spark, output, dir, chunks, UserRows.SCHEMA, chunk -> new UserRows(population, chunk, chunks));
  }

  /** Rows of one source, one Spark task and one file per chunk, generated in the task. */
  private static long writeChunks(
      SparkSession spark, ParquetOutput output, Path dir, int chunks, StructType schema, ChunkRows rows) {
    LongAccumulator written = spark.sparkContext().longAccumulator(dir.getName());
    FlatMapFunction<Long, Row> generate = chunk -> counted(rows.of(chunk.intValue()), written);
    Dataset<Row> raw = spark.range(0, chunks, 1, chunks).flatMap(generate, Encoders.row(RawRows.of(schema)));
    output.write(RawRows.restore(raw, schema), dir);
    return written.value();
  }

  /** The rows of one chunk; serializable, since Spark ships it to the task. */
  @FunctionalInterface
  private interface ChunkRows extends java.io.Serializable {
    Iterator<Row> of(int chunk);
  }

  private static Iterator<Row> counted(Iterator<Row> rows, LongAccumulator counter) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        counter.add(1);
        return rows.next();
      }
    };
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
