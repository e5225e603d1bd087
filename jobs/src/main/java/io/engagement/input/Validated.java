package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.engagement.output.Columns;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One source after validation, kept as a single reason-tagged frame: the input columns plus a
 * nullable {@link #REASON_COLUMN} (null = accepted). Accepted and rejected rows are two filters of
 * that one frame, so they can never overlap or lose a row. The frame is a narrow pass over the
 * input (only the rows of repeated ids are ranked, see {@link RecordValidator}), so reading it
 * again costs a scan, not a shuffle.
 *
 * @param source the source name ({@link InputSchemas#EVENTS}, {@link InputSchemas#SURVEYS}, {@link InputSchemas#USERS})
 * @param tagged the input columns, in input order, followed by {@link #REASON_COLUMN}
 * @param setAside the part of {@code tagged} that holds every rejected row, and maybe some accepted
 *     ones (the first copy of a repeated id); validation keeps it in memory, so writing the
 *     rejected rows reads it instead of scanning the source again. It is {@code tagged} itself
 *     when nothing was set aside.
 * @param counts the source's rows, accepted and rejected, counted by the validation itself
 *     ({@link RecordValidator}), so that nobody reads the source again just to count it
 */
public record Validated(String source, Dataset<Row> tagged, Dataset<Row> setAside, SourceCounts counts) {
  /**
   * The rejection reason inside {@link #tagged()}; the double underscore keeps it clear of any
   * input column (segment names must match {@code [a-z][a-z0-9_]*}).
   */
  public static final String REASON_COLUMN = "__reason";

  /**
   * JSON of a rejected row: null fields are written (a {@code missing_x} row shows its null x),
   * and timestamps in UTC to the microsecond, so the text is the same whatever the session time
   * zone and ties broken on it are stable across reruns.
   */
  static final Map<String, String> JSON_OPTIONS =
      Map.of(
          "ignoreNullFields", "false",
          "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
          "timeZone", "UTC");

  /** The accepted rows, with exactly the input's schema. */
  public Dataset<Row> accepted() {
    return tagged.filter(col(REASON_COLUMN).isNull()).select(inputColumns());
  }

  /** The same source with one row-by-row change applied to its frames (both, so they stay one). */
  public Validated map(UnaryOperator<Dataset<Row>> change) {
    Dataset<Row> changed = change.apply(tagged);
    return new Validated(source, changed, setAside == tagged ? changed : change.apply(setAside), counts);
  }

  /** The rejected rows as {@code source, reason, record} (rejected_records without run_id/ingest_date). */
  public Dataset<Row> rejected() {
    return setAside
        .filter(col(REASON_COLUMN).isNotNull())
        .select(
            lit(source).as(Columns.SOURCE),
            col(REASON_COLUMN).as(Columns.REASON),
            recordJson(setAside, inputColumnNames()).as(Columns.RECORD));
  }

  /** The input row as JSON text, columns in input order (the {@code record} of rejected_records). */
  static Column recordJson(Dataset<Row> frame, String[] columns) {
    return to_json(struct(Arrays.stream(columns).map(frame::col).toArray(Column[]::new)), JSON_OPTIONS);
  }

  private String[] inputColumnNames() {
    return Arrays.stream(tagged.columns()).filter(c -> !c.equals(REASON_COLUMN)).toArray(String[]::new);
  }

  private Column[] inputColumns() {
    return Arrays.stream(inputColumnNames()).map(tagged::col).toArray(Column[]::new);
  }
}
