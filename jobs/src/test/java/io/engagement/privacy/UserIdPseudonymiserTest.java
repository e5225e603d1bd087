package io.engagement.privacy;

import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.input.InputSchemas;
import io.engagement.testing.TestFrames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.CodegenMode$;
import org.apache.spark.sql.execution.ExtendedMode$;
import org.apache.spark.sql.execution.FormattedMode$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class UserIdPseudonymiserTest {
  private static final StructType SCHEMA =
      new StructType().add("n", DataTypes.IntegerType).add(InputSchemas.USER_ID, DataTypes.StringType);

  @Test
  void replacesUserIdInPlaceWithTheHmacAndKeepsNull() {
    Dataset<Row> input =
        TestFrames.of(SCHEMA).row(1, "what do ya want for nothing?").row(2, null).toDF();
    // RFC 4231 test case 2 (key "Jefe") as the user id: the expected pseudonym is the RFC's digest
    Dataset<Row> expected =
        TestFrames.of(SCHEMA)
            .row(1, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
            .row(2, null)
            .toDF();
    Dataset<Row> actual = UserIdPseudonymiser.pseudonymise(input, PseudonymKey.of("Jefe"));
    assertEquals(List.of(SCHEMA.fieldNames()), List.of(actual.columns()));
    assertSameRows(expected, actual);
  }

  @Test
  void thePlansNeverShowTheKey() {
    String secret = "plan-secret-Zq7-0123456789abcdef";
    Dataset<Row> frame =
        UserIdPseudonymiser.pseudonymise(
            TestFrames.of(SCHEMA).row(1, "u1").toDF(), PseudonymKey.of(secret));
    frame.collectAsList();
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    List<String> forms =
        List.of(
            secret,
            HexFormat.of().formatHex(bytes),
            HexFormat.of().withUpperCase().formatHex(bytes),
            Base64.getEncoder().encodeToString(bytes));
    List<String> plans =
        List.of(
            frame.queryExecution().toString(),
            frame.queryExecution().explainString(ExtendedMode$.MODULE$),
            frame.queryExecution().explainString(FormattedMode$.MODULE$),
            frame.queryExecution().explainString(CodegenMode$.MODULE$));
    for (String plan : plans) {
      for (String form : forms) {
        assertFalse(plan.contains(form), () -> "the key shows in the plan:\n" + plan);
      }
    }
    // the plan names the function, which is all it shows of it
    assertTrue(plans.get(0).contains(UserIdPseudonymiser.UDF_NAME), plans.get(0));
  }
}
