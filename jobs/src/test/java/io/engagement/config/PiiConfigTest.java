package io.engagement.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.cli.Main;
import io.engagement.errors.ExitCode;
import io.engagement.privacy.PseudonymKey;
import io.engagement.testing.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The PII key: read from the environment only, required when pseudonymising, never shown. */
class PiiConfigTest {
  private static final String SECRET = "env-secret-Qx9-do-not-print";
  private static final Map<String, String> PSEUDONYMISE = Map.of("pii.pseudonymise-user-id", "true");

  private static LoadedConfig load(Map<String, String> sets, Map<String, String> env) {
    return ConfigLoader.load(Optional.empty(), sets, env);
  }

  private record Cli(int code, String out, String err) {}

  private static Cli cli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), env, new Properties()).execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void pseudonymisingWithoutTheKeyIsRefusedNamingTheVariable() {
    for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of(ConfigKeys.ENV_PII_KEY, " "))) {
      ConfigException e = assertThrows(ConfigException.class, () -> load(PSEUDONYMISE, env));
      assertEquals(ExitCode.BAD_USAGE, e.exitCode());
      assertTrue(e.getMessage().contains("ENGAGEMENT_PII_KEY"), e.getMessage());
      assertTrue(e.getMessage().contains("engagement.pii.pseudonymise-user-id"), e.getMessage());
    }
  }

  @Test
  void theKeyIsReadOnlyWhenPseudonymising() {
    Map<String, String> env = Map.of(ConfigKeys.ENV_PII_KEY, SECRET);
    assertTrue(load(Map.of(), env).config().pii().key().isEmpty());
    PseudonymKey key = load(PSEUDONYMISE, env).config().pii().userIdKey().orElseThrow();
    // the loaded key is the variable's value: same pseudonym as a key built from it
    assertEquals(PseudonymKey.of(SECRET).pseudonym("u1"), key.pseudonym("u1"));
  }

  @Test
  void noRenderingOfTheConfigShowsTheKey() {
    LoadedConfig loaded = load(PSEUDONYMISE, Map.of(ConfigKeys.ENV_PII_KEY, SECRET));
    assertFalse(loaded.effectiveRendered().contains(SECRET), loaded.effectiveRendered());
    assertFalse(ConfigRenderer.canonical(loaded.config()).contains(SECRET));
    assertFalse(loaded.config().toString().contains(SECRET), loaded.config().toString());
    assertTrue(loaded.effectiveRendered().contains("pseudonymise-user-id=true"), loaded.effectiveRendered());
    // config_hash covers no secret: another key, the same hash
    assertEquals(
        loaded.configHash(),
        load(PSEUDONYMISE, Map.of(ConfigKeys.ENV_PII_KEY, "another key")).configHash());
  }

  @Test
  void aConfigBuiltWithoutTheLoaderCannotPseudonymiseWithoutAKey() {
    EngagementConfig config = TestConfigs.defaults().withPii(new PiiConfig(true, false));
    assertThrows(ConfigException.class, () -> config.pii().userIdKey());
    assertEquals(1, ConfigValidator.problems(config).size());
    assertTrue(new PiiConfig(false, true).userIdKey().isEmpty());
  }

  @Test
  void validateConfigPrintsNoKeyAndRefusesAMissingOne() {
    Cli ok = cli(Map.of(ConfigKeys.ENV_PII_KEY, SECRET), "validate-config", "--set", "pii.pseudonymise-user-id=true");
    assertEquals(0, ok.code(), ok.err());
    assertFalse(ok.out().contains(SECRET), ok.out());
    assertFalse(ok.err().contains(SECRET), ok.err());

    Cli refused = cli(Map.of(), "validate-config", "--set", "pii.pseudonymise-user-id=true");
    assertEquals(2, refused.code());
    assertEquals(1, refused.err().lines().count(), refused.err());
    assertTrue(refused.err().contains("ENGAGEMENT_PII_KEY"), refused.err());
  }

  @Test
  void dailyWithoutTheKeyStopsBeforeSparkWithExitTwo() {
    Cli refused =
        cli(
            Map.of(ConfigKeys.ENV_INPUT_ROOT, "/nonexistent/in", ConfigKeys.ENV_OUTPUT_ROOT, "/nonexistent/out"),
            "daily", "--date", "2026-11-03", "--set", "pii.pseudonymise-user-id=true");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("ENGAGEMENT_PII_KEY"), refused.err());
  }
}
