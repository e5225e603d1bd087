package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import io.engagement.pipeline.JobRunner;
import io.engagement.sample.SampleDataGenerator;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.time.LocalDate;

/**
 * The work behind the commands. The CLI only parses, loads the config and maps errors; going
 * through this seam lets its tests check that without starting Spark.
 */
interface Jobs {
  void daily(
      LoadedConfig loaded, boolean verbose, LocalDate date, boolean cascade, boolean allowGaps);

  void backfill(LoadedConfig loaded, boolean verbose, LocalDate from, LocalDate to);

  SampleDataSummary generateSampleData(SampleDataSpec spec);

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
      };
}
