package io.engagement.privacy;

import static org.apache.spark.sql.functions.udf;

import io.engagement.input.InputSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Replaces {@code user_id} by its pseudonym ({@link PseudonymKey}). A Java UDF rather than Spark's
 * own {@code sha2}/{@code hmac} functions with the key as a literal: a literal would print the key
 * in every plan, {@code explain} output and the Spark UI, while the UDF shows only its name. It is
 * deterministic, so Spark may reorder or re-evaluate it freely.
 */
public final class UserIdPseudonymiser {
  private UserIdPseudonymiser() {}

  /** The UDF's name, which is all that plans show of it. */
  public static final String UDF_NAME = "pseudonymise_user_id";

  /** The pseudonym of {@code userId} under {@code key} (null stays null). */
  public static Column pseudonym(Column userId, PseudonymKey key) {
    UserDefinedFunction hmac =
        udf((UDF1<String, String>) key::pseudonym, DataTypes.StringType).withName(UDF_NAME);
    return hmac.apply(userId);
  }

  /** The frame with its {@code user_id} column replaced in place by the pseudonym. */
  public static Dataset<Row> pseudonymise(Dataset<Row> frame, PseudonymKey key) {
    return frame.withColumn(InputSchemas.USER_ID, pseudonym(frame.col(InputSchemas.USER_ID), key));
  }
}
