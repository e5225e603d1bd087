package io.engagement.testing;

import io.engagement.input.InputSchemas;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A builder of tiny event tables with the contract's schema, one readable line per event. */
public final class Events {
  private final TestFrames frames = TestFrames.of(InputSchemas.EVENTS_SCHEMA);
  private int nextId = 1;

  public static Events builder() {
    return new Events();
  }

  /** A page view with an automatic event_id. */
  public Events view(String user, String isoTime, String sessionId) {
    return event(user, isoTime, sessionId, "page_view", null, null, "web", null, null);
  }

  /** Any event with an automatic event_id and a null account_id. */
  public Events event(
      String user,
      String isoTime,
      String sessionId,
      String type,
      String name,
      String feature,
      String channel,
      Double amount,
      Map<String, String> properties) {
    return full("e" + (nextId++), isoTime, user, null, sessionId, type, name, feature, channel, amount, properties);
  }

  /** Every column given. */
  public Events full(
      String eventId,
      String isoTime,
      String user,
      String account,
      String sessionId,
      String type,
      String name,
      String feature,
      String channel,
      Double amount,
      Map<String, String> properties) {
    frames.row(
        eventId,
        isoTime == null ? null : TestFrames.ts(isoTime),
        user,
        account,
        sessionId,
        type,
        name,
        feature,
        channel,
        amount,
        properties);
    return this;
  }

  public Dataset<Row> toDF() {
    return frames.toDF();
  }
}
