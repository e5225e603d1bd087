package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import io.engagement.output.DeltaSessionConfig;
import io.engagement.output.TableCatalog;
import io.engagement.output.TableMaintenance;
import io.engagement.pipeline.JobRunner;
import io.engagement.query.SqlConsole;
import io.engagement.query.SqlScript;
import io.engagement.sample.SampleDataGenerator;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The work behind the commands. The CLI only parses, loads the config and maps errors; going
 * through this seam lets its tests check that without starting Spark.
 */
interface Jobs {
  void daily(
      LoadedConfig loaded, boolean verbose, LocalDate date, boolean cascade, boolean allowGaps);

  void backfill(LoadedConfig loaded, boolean verbose, LocalDate from, LocalDate to);

  SampleDataSummary generateSampleData(SampleDataSpec spec);

  /** Runs the statements on views of the tables under the output root, printing each result. */
  void sql(
      String outputRoot,
      List<SqlScript.Statement> statements,
      int limit,
      int maxWidth,
      PrintWriter out,
      PrintWriter err);

  /** Compacts the last days of every table and vacuums it, printing a line per table. */
  void maintain(
      String outputRoot, int days, int retainHours, boolean allowShortRetention, PrintWriter out);

  /** The real pipeline and generator. */
  Jobs REAL =
      new Jobs() {
        @Override
        public void daily(
            LoadedConfig loaded,
            boolean verbose,
            LocalDate date,
            boolean cascade,
            boolean allowGaps) {
          new JobRunner(loaded, verbose).daily(date, cascade, allowGaps);
        }

        @Override
        public void backfill(LoadedConfig loaded, boolean verbose, LocalDate from, LocalDate to) {
          new JobRunner(loaded, verbose).backfill(from, to);
        }

        @Override
        public SampleDataSummary generateSampleData(SampleDataSpec spec) {
          return SampleDataGenerator.generate(spec);
        }

        @Override
        public void sql(
            String outputRoot,
            List<SqlScript.Statement> statements,
            int limit,
            int maxWidth,
            PrintWriter out,
            PrintWriter err) {
          SparkSession spark = DeltaSessionConfig.getOrCreate("engagement-sql");
          TableCatalog.Registration views = new TableCatalog(spark, outputRoot).registerViews();
          views
              .missing()
              .forEach(t -> err.println("note: " + t.tableName() + " was never written, no view"));
          err.flush();
          new SqlConsole(spark, out, limit, maxWidth).run(statements);
        }

        @Override
        public void maintain(
            String outputRoot,
            int days,
            int retainHours,
            boolean allowShortRetention,
            PrintWriter out) {
          SparkSession spark = DeltaSessionConfig.getOrCreate("engagement-maintain");
          new TableMaintenance(spark, outputRoot)
              .maintainAll(
                  days,
                  retainHours,
                  allowShortRetention,
                  outcome -> {
                    out.println(outcome.describe());
                    out.flush();
                  });
        }
      };
}
