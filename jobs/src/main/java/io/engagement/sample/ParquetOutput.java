package io.engagement.sample;

import io.engagement.errors.EngagementException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes one folder of Parquet files whose bytes and names depend only on the rows: Spark names
 * its files with a random UUID, so they are renamed part-00000.parquet, part-00001.parquet, ...
 * in the order of Spark's partitions, the commit markers and checksum files are removed, and
 * the footers are made stable ({@link ParquetFooters}).
 * Works on any Hadoop file system (file:, s3a:, abfss:, hdfs:).
 */
final class ParquetOutput {
  private final FileSystem fs;
  private final String codec;

  ParquetOutput(SparkSession spark, Path root, String codec) {
    try {
      this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw EngagementException.runFailed(
          "cannot open the file system of " + root + ": " + e.getMessage() + "; check the --out path", e);
    }
    this.codec = codec;
  }

  /** Replaces the folder's content with the rows, one file per Spark partition. */
  void write(Dataset<Row> rows, Path dir) {
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("compression", codec)
        .option("maxRecordsPerFile", 0)
        .parquet(dir.toString());
    try {
      FileSystem files = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
      List<Path> parts = new ArrayList<>();
      for (FileStatus status : sorted(files.listStatus(dir))) {
        String name = status.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(".parquet")) {
          parts.add(status.getPath());
        } else {
          files.delete(status.getPath(), true);
        }
      }
      for (int i = 0; i < parts.size(); i++) {
        Path target = new Path(dir, "part-" + Population.zeroPadded(i, 5) + ".parquet");
        if (!files.rename(parts.get(i), target)) {
          throw new IOException("rename of " + parts.get(i) + " to " + target + " failed");
        }
        ParquetFooters.sortEncodings(files, target);
      }
    } catch (IOException e) {
      throw failed(dir, e);
    }
  }

  /** Removes a folder left by an earlier run, so the output matches this run only. */
  void delete(Path dir) {
    try {
      fs.delete(dir, true);
    } catch (IOException e) {
      throw failed(dir, e);
    }
  }

  private static FileStatus[] sorted(FileStatus[] statuses) {
    FileStatus[] copy = statuses.clone();
    Arrays.sort(copy, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    return copy;
  }

  private static EngagementException failed(Path dir, IOException e) {
    return EngagementException.runFailed(
        "cannot write sample data to " + dir + ": " + e.getMessage() + "; check the --out path and its permissions",
        e);
  }
}
