package io.engagement.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Judges one input file's schema against the contract and conforms what was read to it. Pure:
 * the caller reads the footer and the rows. Kept apart from the reader so that the type rules,
 * and their error messages, are tested without writing files.
 *
 * <p>Accepted: the exact type; for a double column any integral, float or decimal type (money is
 * often exported as decimal); for an int column byte, short or long (a long outside the int range
 * becomes null and is then rejected as missing). Anything else stops the run: guessing would score
 * wrong data silently. Extra columns are ignored; a missing optional column is all nulls.
 */
public final class SchemaConformance {
  private SchemaConformance() {}

  /**
   * The columns of {@code expected} that the file has, with the file's own types, so that Spark
   * reads the file as it is (no reliance on reader-side widening). Fails when a column of
   * {@code mustExist} is absent or a present column has a type that cannot be taken.
   *
   * @param table the input's name, for the message
   * @param file the file's path, for the message
   */
  public static StructType readSchema(
      String table, StructType expected, Collection<String> mustExist, String file, StructType found) {
    Set<String> foundNames = Set.of(found.fieldNames());
    List<StructField> read = new ArrayList<>();
    for (StructField want : expected.fields()) {
      if (!foundNames.contains(want.name())) {
        if (mustExist.contains(want.name())) {
          throw new EngagementException(
              ExitCode.RUN_FAILED,
              "input schema: "
                  + table
                  + " column "
                  + want.name()
                  + " (expected "
                  + typeName(want.dataType())
                  + ") is missing in "
                  + file
                  + ": fix the upstream export"
                  + (InputSchemas.USERS.equals(table) && !InputSchemas.USERS_REQUIRED.contains(want.name())
                      ? " or remove it from engagement.segments"
                      : ""));
        }
        continue;
      }
      DataType has = found.apply(want.name()).dataType();
      if (!accepts(want.dataType(), has)) {
        throw new EngagementException(
            ExitCode.RUN_FAILED,
            "input schema: "
                + table
                + " column "
                + want.name()
                + " has type "
                + typeName(has)
                + ", expected "
                + typeName(want.dataType())
                + ", in "
                + file
                + ": fix the upstream export");
      }
      read.add(new StructField(want.name(), has, true, Metadata.empty()));
    }
    return new StructType(read.toArray(StructField[]::new));
  }

  /**
   * {@code read} (columns of a {@link #readSchema}) as exactly {@code expected}: its column order,
   * its types (casts where the file's type was narrower), typed nulls for the absent columns.
   */
  public static Dataset<Row> conform(Dataset<Row> read, StructType expected) {
    Set<String> present = Set.of(read.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField want : expected.fields()) {
      Column c;
      if (!present.contains(want.name())) {
        c = lit(null).cast(want.dataType());
      } else if (sameType(read.schema().apply(want.name()).dataType(), want.dataType())) {
        c = col(want.name());
      } else {
        // try_cast: ANSI mode must never fail a run on a value (long -> int overflow gives null).
        c = col(want.name()).try_cast(want.dataType());
      }
      columns.add(c.as(want.name()));
    }
    return read.select(columns.toArray(Column[]::new));
  }

  static boolean accepts(DataType expected, DataType found) {
    if (sameType(expected, found)) {
      return true;
    }
    if (expected instanceof DoubleType) {
      return found instanceof ByteType
          || found instanceof ShortType
          || found instanceof IntegerType
          || found instanceof LongType
          || found instanceof FloatType
          || found instanceof DecimalType;
    }
    if (expected instanceof IntegerType) {
      return found instanceof ByteType || found instanceof ShortType || found instanceof LongType;
    }
    return false;
  }

  /** Types compared as SQL sees them; nullability of map values or struct fields does not matter. */
  private static boolean sameType(DataType a, DataType b) {
    return a.catalogString().equals(b.catalogString());
  }

  private static String typeName(DataType type) {
    return type.catalogString();
  }
}
