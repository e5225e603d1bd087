package io.engagement.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.input.InputSchemas;
import io.engagement.testing.TestFrames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The two patterns on a table of comments, run through Spark's regexp_replace in one frame. */
class CommentRedactorTest {
  private static final StructType SCHEMA =
      new StructType().add("n", DataTypes.IntegerType).add(InputSchemas.COMMENT, DataTypes.StringType);

  /** Comment -> the comment once redacted. */
  private static Map<String, String> cases() {
    Map<String, String> cases = new LinkedHashMap<>();
    // e-mail addresses
    cases.put("write to a.b+c@d.co.uk please", "write to [email] please");
    cases.put("mail john.doe@example.com.", "mail [email].");
    cases.put("(jane_doe99@mail.example.org)", "([email])");
    cases.put("two: x@y.io, z-1@w.fr", "two: [email], [email]");
    // no top-level domain, no local part: not an address
    cases.put("user@localhost", "user@localhost");
    cases.put("ping @support", "ping @support");
    // phone numbers
    cases.put("call +33 6 12 34 56 78 now", "call [phone] now");
    cases.put("(555) 123-4567", "[phone]");
    cases.put("at 555-123-4567 after 5", "at [phone] after 5");
    cases.put("07700 900123", "[phone]");
    cases.put("+1 (555) 123-4567", "[phone]");
    cases.put("+33 (0)6 12 34 56 78", "[phone]");
    cases.put("+15551234567", "[phone]");
    cases.put("555.123.4567", "[phone]");
    cases.put("1-800-555-0199 toll free", "[phone] toll free");
    cases.put("tel:0612345678.", "tel:[phone].");
    // a date, then a phone: only the phone goes
    cases.put("2026-11-04 555 123 4567", "2026-11-04 [phone]");
    // e-mail first: the digits of an address do not read as a phone
    cases.put("jo.0612345678@example.com", "[email]");
    // kept: scores, dates, times, versions, short numbers, identifiers
    cases.put("9", "9");
    cases.put("rated 9, 10 next time", "rated 9, 10 next time");
    cases.put("since 2026-11-04", "since 2026-11-04");
    cases.put("2026-11-04 10:30", "2026-11-04 10:30");
    cases.put("04.11.2026 10:30", "04.11.2026 10:30");
    cases.put("version 2.1.3", "version 2.1.3");
    cases.put("12 34 56 78", "12 34 56 78");
    cases.put("ticket 123-456-78", "ticket 123-456-78");
    cases.put("ref A123456789", "ref A123456789");
    cases.put("paid 1,234,567.89", "paid 1,234,567.89");
    return cases;
  }

  @Test
  void redactsEmailsAndPhonesAndKeepsOtherNumbers() {
    List<String> inputs = new ArrayList<>(cases().keySet());
    TestFrames frame = TestFrames.of(SCHEMA);
    for (int i = 0; i < inputs.size(); i++) {
      frame.row(i, inputs.get(i));
    }
    frame.row(inputs.size(), null);
    Dataset<Row> redacted = CommentRedactor.redact(frame.toDF());
    Map<Integer, String> byCase = new LinkedHashMap<>();
    for (Row r : redacted.collectAsList()) {
      byCase.put(r.getInt(0), r.getString(1));
    }
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(cases().get(inputs.get(i)), byCase.get(i), "comment: " + inputs.get(i));
    }
    assertNull(byCase.get(inputs.size()));
  }
}
