package io.engagement.config;

import io.engagement.privacy.PseudonymKey;
import java.util.Optional;

/**
 * PII handling (docs/privacy.md).
 *
 * <p>The pseudonymisation key never comes from the config: {@link ConfigLoader} reads it from the
 * environment variable {@value ConfigKeys#ENV_PII_KEY}, and only when {@code pseudonymise-user-id}
 * is on. It lives here, beside the switch it serves, so the key reaches the pipeline with the rest
 * of the config; {@link ConfigRenderer} renders the two switches only, so neither {@code
 * validate-config} nor {@code config_hash} ever covers it, and the key prints as hidden.
 *
 * @param key the key read from the environment; empty when pseudonymisation is off or the variable
 *     is unset ({@link ConfigValidator} refuses the latter)
 */
public record PiiConfig(
    boolean pseudonymiseUserId, boolean redactComments, Optional<PseudonymKey> key) {

  /** The switches alone, as the config file gives them (no key yet). */
  public PiiConfig(boolean pseudonymiseUserId, boolean redactComments) {
    this(pseudonymiseUserId, redactComments, Optional.empty());
  }

  /** The same switches with this key. */
  public PiiConfig withKey(Optional<PseudonymKey> key) {
    return new PiiConfig(pseudonymiseUserId, redactComments, key);
  }

  /**
   * The key user ids are pseudonymised with; empty when they are kept as they come.
   *
   * @throws ConfigException when pseudonymisation is on without a key (a config that did not come
   *     through the loader): the job never writes raw ids by mistake
   */
  public Optional<PseudonymKey> userIdKey() {
    if (!pseudonymiseUserId) {
      return Optional.empty();
    }
    if (key.isEmpty()) {
      throw new ConfigException(missingKey());
    }
    return key;
  }

  /** The problem of a missing key: names the switch, the variable and how to set it. */
  static String missingKey() {
    return ConfigKeys.path(ConfigKeys.PII, ConfigKeys.PSEUDONYMISE_USER_ID)
        + " = true but the environment variable "
        + ConfigKeys.ENV_PII_KEY
        + " is unset or empty: export the secret key there (it is never read from the config"
        + " or --set), or turn the option off";
  }
}
