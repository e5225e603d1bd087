package io.engagement.input;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.DateType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The three inputs of contract.md: their column names, types and which columns are required.
 * Columns are listed in the contract's order, which is also the order in which a row's missing
 * required fields are reported ({@code missing_<column>}: the first one wins).
 */
public final class InputSchemas {
  private InputSchemas() {}

  /** Source names, as written to {@code rejected_records.source} and job_runs. */
  public static final String EVENTS = "events";
  public static final String SURVEYS = "surveys";
  public static final String USERS = "users";

  // events
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TIME = "event_time";
  public static final String USER_ID = "user_id";
  public static final String ACCOUNT_ID = "account_id";
  public static final String SESSION_ID = "session_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String EVENT_NAME = "event_name";
  public static final String FEATURE = "feature";
  public static final String CHANNEL = "channel";
  public static final String AMOUNT = "amount";
  public static final String PROPERTIES = "properties";

  // surveys
  public static final String RESPONSE_ID = "response_id";
  public static final String RESPONSE_TIME = "response_time";
  public static final String SURVEY = "survey";
  public static final String SCORE = "score";
  public static final String COMMENT = "comment";

  // users
  public static final String SIGNUP_DATE = "signup_date";

  public static final StructType EVENTS_SCHEMA =
      new StructType()
          .add(EVENT_ID, StringType)
          .add(EVENT_TIME, TimestampType)
          .add(USER_ID, StringType)
          .add(ACCOUNT_ID, StringType)
          .add(SESSION_ID, StringType)
          .add(EVENT_TYPE, StringType)
          .add(EVENT_NAME, StringType)
          .add(FEATURE, StringType)
          .add(CHANNEL, StringType)
          .add(AMOUNT, DoubleType)
          .add(PROPERTIES, DataTypes.createMapType(StringType, StringType));

  public static final List<String> EVENTS_REQUIRED =
      List.of(EVENT_ID, EVENT_TIME, USER_ID, EVENT_TYPE);

  public static final StructType SURVEYS_SCHEMA =
      new StructType()
          .add(RESPONSE_ID, StringType)
          .add(RESPONSE_TIME, TimestampType)
          .add(USER_ID, StringType)
          .add(ACCOUNT_ID, StringType)
          .add(SURVEY, StringType)
          .add(SCORE, IntegerType)
          .add(COMMENT, StringType)
          .add(CHANNEL, StringType);

  public static final List<String> SURVEYS_REQUIRED =
      List.of(RESPONSE_ID, RESPONSE_TIME, USER_ID, SCORE);

  /** The fixed columns of users; segment dimensions (string columns) come on top. */
  public static final StructType USERS_BASE_SCHEMA =
      new StructType()
          .add(USER_ID, StringType)
          .add(ACCOUNT_ID, StringType)
          .add(SIGNUP_DATE, DateType);

  public static final List<String> USERS_REQUIRED = List.of(USER_ID);

  /** The users schema for a config's segment dimensions: each a string column. */
  public static StructType usersSchema(List<String> segments) {
    StructType schema = USERS_BASE_SCHEMA;
    for (String segment : segments) {
      schema = schema.add(new StructField(segment, StringType, true, org.apache.spark.sql.types.Metadata.empty()));
    }
    return schema;
  }
}
