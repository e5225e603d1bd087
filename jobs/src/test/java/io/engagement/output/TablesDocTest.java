package io.engagement.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import io.engagement.input.InputSchemas;
import io.engagement.pipeline.JobRunner;
import io.engagement.testing.Events;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tables.md is the column reference analysts and BI developers read; it must never drift
 * from what the job writes. One tiny day runs through the job, and every table's schema, as read
 * back from Delta, is compared with the markdown: each column listed with its type, nothing
 * listed that is not written, the date column, and the reader protocol the docs promise.
 */
class TablesDocTest {
  private static final Path DOC = Path.of("..", "docs", "tables.md");
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  /** Not the default segments, so the doc's {@code <segment>} row is seen to follow the config. */
  private static final List<String> SEGMENTS = List.of("plan", "region", "industry");

  @TempDir static Path tmp;
  private static final Map<Tables, StructType> SCHEMAS = new EnumMap<>(Tables.class);
  private static final Map<Tables, Row> DETAILS = new EnumMap<>(Tables.class);
  private static Map<String, DocSection> documented;

  @BeforeAll
  static void runOneDayAndReadTheDoc() throws IOException {
    Path input = tmp.resolve("in");
    Path output = tmp.resolve("out");
    writeOneDay(input);
    LoadedConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "input.root", input.toString(),
                "output.root", output.toString(),
                "segments", "[" + String.join(",", SEGMENTS) + "]"),
            Map.of());
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new JobRunner(config, false, quiet).daily(DAY, false, false);
    for (Tables table : Tables.values()) {
      String path = output.resolve(table.tableName()).toString();
      SCHEMAS.put(table, SparkTestSession.get().read().format("delta").load(path).schema());
      DETAILS.put(table, DeltaTable.forPath(SparkTestSession.get(), path).detail().first());
    }
    documented = DocSection.parse(Files.readString(DOC, StandardCharsets.UTF_8));
  }

  /** One user with a visit and an action, one survey answer: every table gets written. */
  private static void writeOneDay(Path input) {
    String d = DAY.toString();
    write(
        Events.builder()
            .full("e1", d + "T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("e2", d + "T09:05:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "2"))
            .toDF(),
        input.resolve("events/date=" + d));
    write(
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", TestFrames.ts(d + "T12:00:00Z"), "u1", "acc-1", "relationship", 9, "great", "email")
            .toDF(),
        input.resolve("surveys/date=" + d));
    write(
        TestFrames.of(InputSchemas.usersSchema(SEGMENTS))
            .row("u1", "acc-1", TestFrames.date("2026-10-01"), "pro", "emea", "retail")
            .toDF(),
        input.resolve("users"));
  }

  private static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  @Test
  void everyWrittenColumnIsDocumentedWithItsTypeAndNothingElseIs() {
    List<String> problems = new ArrayList<>();
    for (Tables table : Tables.values()) {
      DocSection section = documented.get(table.tableName());
      if (section == null) {
        problems.add(table.tableName() + ": no '## " + table.tableName() + "' section with a column table");
      } else {
        problems.addAll(driftProblems(table.tableName(), SCHEMAS.get(table), section, SEGMENTS));
      }
    }
    assertTrue(problems.isEmpty(), "docs/tables.md is out of date:\n" + String.join("\n", problems));
  }

  /** The check above must be able to fail: a missing, an extra and a mistyped column. */
  @Test
  void theCheckReportsMissingExtraAndMistypedColumns() {
    String markdown =
        String.join(
            "\n",
            "## demo",
            "",
            "- **Partition column:** `score_date`",
            "",
            "| column | type | null | meaning |",
            "|---|---|---|---|",
            "| `user_id` | STRING | no | the user |",
            "| `<segment>` | STRING | no | one column per segment |",
            "| `score` | BIGINT | no | mistyped |",
            "| `gone` | INT | no | not written |",
            "",
            "## other");
    StructType written =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("plan", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("score_date", DataTypes.DateType);
    DocSection demo = DocSection.parse(markdown).get("demo");

    assertEquals("score_date", demo.partitionColumn());
    assertEquals(
        List.of(
            "demo.score is DOUBLE, documented as BIGINT",
            "demo.score_date (DATE) is written but not documented",
            "demo.gone is documented but not written"),
        driftProblems("demo", written, demo, List.of("plan")));
  }

  /** How a table's written schema and its documented columns differ, one line per column. */
  private static List<String> driftProblems(
      String table, StructType written, DocSection section, List<String> segments) {
    List<String> problems = new ArrayList<>();
    Map<String, String> doc = section.columnTypes(segments);
    for (StructField field : written.fields()) {
      String type = field.dataType().sql();
      if (!doc.containsKey(field.name())) {
        problems.add(table + "." + field.name() + " (" + type + ") is written but not documented");
      } else if (!doc.get(field.name()).equals(type)) {
        problems.add(table + "." + field.name() + " is " + type + ", documented as " + doc.get(field.name()));
      }
    }
    List<String> writtenNames = List.of(written.fieldNames());
    doc.keySet().stream()
        .filter(column -> !writtenNames.contains(column))
        .forEach(column -> problems.add(table + "." + column + " is documented but not written"));
    return problems;
  }

  @Test
  void eachTableIsPartitionedByItsDocumentedDateColumn() {
    for (Tables table : Tables.values()) {
      List<String> partitionColumns = DETAILS.get(table).getList(DETAILS.get(table).fieldIndex("partitionColumns"));
      assertEquals(List.of(table.dateColumn()), partitionColumns, table.tableName());
      assertEquals(
          Optional.of(table.dateColumn()),
          Optional.ofNullable(documented.get(table.tableName())).map(DocSection::partitionColumn),
          "docs/tables.md, section " + table.tableName());
    }
  }

  /** bi.md and tables.md promise reader protocol 1: what Trino, Athena, DuckDB and Power BI read. */
  @Test
  void everyTableStaysOnReaderProtocolOne() {
    for (Tables table : Tables.values()) {
      Row detail = DETAILS.get(table);
      assertEquals(1, detail.<Integer>getAs("minReaderVersion"), table.tableName());
    }
  }

  /** One table's part of docs/tables.md: its partition column and its column table. */
  record DocSection(String partitionColumn, Map<String, String> columns) {
    /** The row that stands for one column per configured segment. */
    static final String SEGMENT_PLACEHOLDER = "<segment>";

    private static final String HEADING = "## ";
    private static final String PARTITION = "**Partition column:** `";
    private static final String TABLE_HEADER = "| column | type |";

    /** The documented columns with the segment placeholder replaced by the configured segments. */
    Map<String, String> columnTypes(List<String> segments) {
      Map<String, String> out = new LinkedHashMap<>();
      columns.forEach(
          (column, type) -> {
            if (column.equals(SEGMENT_PLACEHOLDER)) {
              segments.forEach(segment -> out.put(segment, type));
            } else {
              out.put(column, type);
            }
          });
      return out;
    }

    /** Sections by heading: a {@code ## name} heading, a partition line and a column table. */
    static Map<String, DocSection> parse(String markdown) {
      Map<String, DocSection> sections = new LinkedHashMap<>();
      String[] lines = markdown.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith(HEADING)) {
          continue;
        }
        String name = lines[i].substring(HEADING.length()).trim();
        String partition = null;
        Map<String, String> columns = new LinkedHashMap<>();
        int j = i + 1;
        for (; j < lines.length && !lines[j].startsWith(HEADING); j++) {
          int at = lines[j].indexOf(PARTITION);
          if (at >= 0 && partition == null) {
            int start = at + PARTITION.length();
            partition = lines[j].substring(start, lines[j].indexOf('`', start));
          }
          if (lines[j].startsWith(TABLE_HEADER) && columns.isEmpty()) {
            // the header, the |---| line, then one row per column until the table ends
            for (int k = j + 2; k < lines.length && lines[k].startsWith("|"); k++) {
              String[] cells = lines[k].split("\\|");
              columns.put(unquote(cells[1]), unquote(cells[2]));
            }
          }
        }
        if (!columns.isEmpty()) {
          sections.put(name, new DocSection(partition, columns));
        }
        i = j - 1;
      }
      return sections;
    }

    private static String unquote(String cell) {
      return cell.trim().replace("`", "");
    }
  }
}
