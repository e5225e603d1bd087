package io.engagement.privacy;

import io.engagement.input.InputSchemas;
import io.engagement.input.Validated;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The PII handling of one validated input, applied once at the input edge, right after validation:
 * every table of the day, the {@code record} of rejected_records included, and every join with the
 * history written on earlier days then sees the same pseudonym and the same redacted comment, and
 * no later step has to think about PII. Validation runs on the raw values first, so the rejection
 * rules (missing ids, duplicates) are those of the contract whatever the options.
 *
 * @param userIdKey the key {@code user_id} is pseudonymised with; empty keeps the ids as they come
 * @param redactComments whether e-mail addresses and phone numbers in {@code comment} are masked
 */
public record InputPrivacy(Optional<PseudonymKey> userIdKey, boolean redactComments) {

  /** The source with the columns it has ({@code user_id}, {@code comment}) handled. */
  public Validated apply(Validated source) {
    return source.map(this::apply);
  }

  private Dataset<Row> apply(Dataset<Row> tagged) {
    List<String> columns = List.of(tagged.columns());
    Dataset<Row> out = tagged;
    if (userIdKey.isPresent() && columns.contains(InputSchemas.USER_ID)) {
      out = UserIdPseudonymiser.pseudonymise(out, userIdKey.get());
    }
    if (redactComments && columns.contains(InputSchemas.COMMENT)) {
      out = CommentRedactor.redact(out);
    }
    return out;
  }
}
