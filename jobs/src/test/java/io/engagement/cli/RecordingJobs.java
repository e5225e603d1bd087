package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import io.engagement.query.SqlScript;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Records the sql and maintain requests of a command line, without Spark; other work is refused. */
final class RecordingJobs implements Jobs {
  final List<String> calls = new ArrayList<>();
  String outputRoot;
  List<SqlScript.Statement> statements;

  @Override
  public void daily(LoadedConfig loaded, boolean verbose, LocalDate date, boolean cascade, boolean allowGaps) {
    throw new UnsupportedOperationException("daily");
  }

  @Override
  public void backfill(LoadedConfig loaded, boolean verbose, LocalDate from, LocalDate to) {
    throw new UnsupportedOperationException("backfill");
  }

  @Override
  public SampleDataSummary generateSampleData(SampleDataSpec spec) {
    throw new UnsupportedOperationException("generate-sample-data");
  }

  @Override
  public void sql(String outputRoot, List<SqlScript.Statement> statements, int limit, int maxWidth,
      PrintWriter out, PrintWriter err) {
    this.outputRoot = outputRoot;
    this.statements = statements;
    calls.add("sql limit=" + limit + " maxWidth=" + maxWidth);
  }

  @Override
  public void maintain(String outputRoot, int days, int retainHours, boolean allowShortRetention, PrintWriter out) {
    this.outputRoot = outputRoot;
    calls.add("maintain days=" + days + " retainHours=" + retainHours + " allowShort=" + allowShortRetention);
  }
}
