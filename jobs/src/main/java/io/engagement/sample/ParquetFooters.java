package io.engagement.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer a function of its data. parquet-mr lists each column chunk's
 * encodings in the iteration order of a HashSet of enum constants, whose hash codes are identity
 * hash codes: the order, and so the bytes, change from one JVM run to the next. The encodings are
 * put in ascending order here; the data pages before the footer are untouched, so every offset in
 * the footer stays valid.
 */
final class ParquetFooters {
  private ParquetFooters() {}

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int TAIL = 8;

  /** Rewrites the file when its footer differs from the one with sorted encodings. */
  static void sortEncodings(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    Path rewritten = new Path(file.getParent(), "." + file.getName() + ".sorting");
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[TAIL];
      in.readFully(length - TAIL, tail);
      if (!ByteBuffer.wrap(tail, 4, 4).equals(ByteBuffer.wrap(MAGIC))) {
        throw new IOException(file + " is not a Parquet file (no PAR1 at its end)");
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      long footerStart = length - TAIL - footerLength;
      byte[] footer = new byte[footerLength];
      in.readFully(footerStart, footer);
      FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
      sortEncodings(metadata);
      ByteArrayOutputStream sorted = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(metadata, sorted);
      // Compared as bytes, not as "was anything moved", so every file ends with this one
      // serialisation of its footer, whichever order the writer happened to use.
      if (Arrays.equals(footer, sorted.toByteArray())) {
        return;
      }
      try (FSDataOutputStream out = fs.create(rewritten, true)) {
        in.seek(0);
        copy(in, out, footerStart);
        sorted.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sorted.size()).array());
        out.write(MAGIC);
      }
    }
    if (!fs.delete(file, false) || !fs.rename(rewritten, file)) {
      throw new IOException("cannot replace " + file + " by " + rewritten);
    }
  }

  private static void sortEncodings(FileMetaData metadata) {
    for (RowGroup rowGroup : metadata.getRow_groups()) {
      for (ColumnChunk chunk : rowGroup.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        List<Encoding> sorted = new ArrayList<>(column.getEncodings());
        sorted.sort(Comparator.comparingInt(Encoding::getValue));
        column.setEncodings(sorted);
      }
    }
  }

  private static void copy(FSDataInputStream in, FSDataOutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = bytes;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("unexpected end of file while copying");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }
}
