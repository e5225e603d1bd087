package io.engagement.sample;

import static io.engagement.input.InputSchemas.ACCOUNT_ID;
import static io.engagement.input.InputSchemas.SIGNUP_DATE;
import static io.engagement.input.InputSchemas.USER_ID;

import io.engagement.input.InputSchemas;
import io.engagement.sample.Seeds.Purpose;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The users snapshot rows of one chunk of users, produced lazily. Bad rows, kept under 2.5% of
 * the snapshot because every run validates it: one user in {@value #DUPLICATE_EVERY} appears
 * twice (a stale row with an older or unknown signup_date), and the first chunk holds one row
 * without a user_id when there are at least {@value #MIN_USERS_FOR_NULL_ROW} users.
 */
final class UserRows extends PerUserRows {
  static final int USERS_PER_CHUNK = 250_000;
  static final int DUPLICATE_EVERY = 200;
  static final int MIN_USERS_FOR_NULL_ROW = 40;

  static final String PLAN = "plan";
  static final String REGION = "region";
  static final String INDUSTRY = "industry";
  static final List<String> SEGMENTS = List.of(PLAN, REGION, INDUSTRY);
  static final StructType SCHEMA = InputSchemas.usersSchema(SEGMENTS);

  private static final int I_USER_ID = SCHEMA.fieldIndex(USER_ID);
  private static final int I_ACCOUNT_ID = SCHEMA.fieldIndex(ACCOUNT_ID);
  private static final int I_SIGNUP_DATE = SCHEMA.fieldIndex(SIGNUP_DATE);
  private static final int I_PLAN = SCHEMA.fieldIndex(PLAN);
  private static final int I_REGION = SCHEMA.fieldIndex(REGION);
  private static final int I_INDUSTRY = SCHEMA.fieldIndex(INDUSTRY);

  private final Population population;
  private final SplittableRandom rng;

  UserRows(Population population, int chunk, int chunks) {
    super(population.users(), chunk, chunks);
    this.population = population;
    this.rng = new SplittableRandom(Seeds.mix(population.seed(), Purpose.USERS, chunk));
  }

  static int chunks(int users) {
    return Math.max(1, (users + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK);
  }

  @Override
  protected void generateUser(int user) {
    Object[] values = new Object[SCHEMA.size()];
    values[I_USER_ID] = population.userId(user);
    values[I_ACCOUNT_ID] = population.accountId(population.account(user));
    values[I_SIGNUP_DATE] = population.signupDay(user);
    values[I_PLAN] = population.plan(user);
    values[I_REGION] = population.region(user);
    values[I_INDUSTRY] = population.industry(user);
    emit(RowFactory.create(values));
    if (user % DUPLICATE_EVERY == DUPLICATE_EVERY / 2) {
      emit(RowFactory.create(stale(values)));
    }
    if (user == 0 && population.users() >= MIN_USERS_FOR_NULL_ROW) {
      Object[] orphan = values.clone();
      orphan[I_USER_ID] = null;
      emit(RowFactory.create(orphan));
    }
  }

  /** A leftover row of an earlier signup (or of an unknown one): the job keeps the latest. */
  private Object[] stale(Object[] current) {
    Object[] stale = current.clone();
    Integer signup = (Integer) current[I_SIGNUP_DATE];
    if (signup == null) {
      stale[I_SIGNUP_DATE] = (int) (population.fromDay() - 400 - rng.nextInt(200));
    } else {
      stale[I_SIGNUP_DATE] = rng.nextInt(4) == 0 ? null : signup - 30 - rng.nextInt(300);
    }
    return stale;
  }
}
