package io.engagement.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {
  @TempDir Path tmp;

  @Test
  void encodingsInAnyOrderEndUpInTheSameBytesAndTheDataReadsTheSame() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> rows = spark.sql("select id, cast(id % 3 as string) as label from range(100)").coalesce(1);
    rows.write().parquet(tmp.resolve("written").toString());
    Path written;
    try (var files = Files.list(tmp.resolve("written"))) {
      written = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(written);
    Path ascending = tmp.resolve("ascending.parquet");
    Path descending = tmp.resolve("descending.parquet");
    Files.write(ascending, withEncodings(original, false));
    Files.write(descending, withEncodings(original, true));
    assertNotEquals(ByteBuffer.wrap(Files.readAllBytes(ascending)), ByteBuffer.wrap(Files.readAllBytes(descending)));

    FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
    ParquetFooters.sortEncodings(fs, new org.apache.hadoop.fs.Path(ascending.toUri()));
    ParquetFooters.sortEncodings(fs, new org.apache.hadoop.fs.Path(descending.toUri()));

    assertArrayEquals(Files.readAllBytes(ascending), Files.readAllBytes(descending));
    DataFrameAssertions.assertSameRows(rows, spark.read().parquet(descending.toString()));
    assertEquals(List.of("ascending.parquet", "descending.parquet"), names(tmp));
  }

  /** The file with every column chunk's encodings sorted one way or the other. */
  private static byte[] withEncodings(byte[] file, boolean descending) throws IOException {
    int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = file.length - 8 - footerLength;
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(file, footerStart, footerLength));
    for (RowGroup rowGroup : metadata.getRow_groups()) {
      for (ColumnChunk chunk : rowGroup.getColumns()) {
        List<Encoding> encodings = new ArrayList<>(chunk.getMeta_data().getEncodings());
        encodings.sort((a, b) -> Integer.compare(a.getValue(), b.getValue()));
        if (descending) {
          Collections.reverse(encodings);
        }
        chunk.getMeta_data().setEncodings(encodings);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, footerStart);
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(metadata, footer);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write(file, file.length - 4, 4);
    return out.toByteArray();
  }

  private static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
