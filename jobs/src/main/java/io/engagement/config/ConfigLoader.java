package io.engagement.config;

import static io.engagement.config.ConfigKeys.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.engagement.privacy.PseudonymKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the effective config from its layers and validates it, before any SparkSession exists.
 *
 * <p>Precedence, highest first (contract.md): {@code --set} and {@code -Dengagement.*}, then the
 * environment variables {@code ENGAGEMENT_INPUT_ROOT}, {@code ENGAGEMENT_OUTPUT_ROOT} and {@code
 * ENGAGEMENT_TIMEZONE}, then the {@code --config} file, then {@code reference.conf}. The
 * environment is its own layer above the file: the {@code ${?VAR}} substitutions in reference.conf
 * alone would let a file override the environment. The PII key ({@code ENGAGEMENT_PII_KEY}) is no
 * layer: it is read from the environment alone, into {@link PiiConfig#key()}, never into a config key.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Env var to the key it overrides. */
  private static final Map<String, String> ENV_KEYS =
      Map.of(
          ENV_INPUT_ROOT, path(INPUT, ROOT_DIR),
          ENV_OUTPUT_ROOT, path(OUTPUT, ROOT_DIR),
          ENV_TIMEZONE, path(TIMEZONE));

  /**
   * {@code --set} values that are HOCON values rather than plain strings. Anything else is taken
   * literally, so {@code input.root=s3a://bucket/x} is not cut at HOCON's {@code //} comment.
   */
  private static final Pattern HOCON_VALUE =
      Pattern.compile(
          "[\\[{\"].*|-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null", Pattern.DOTALL);

  private static final String KEY_PREFIX = ROOT + ".";

  /**
   * Loads with this process's environment and its {@code -Dengagement.*} system properties (which
   * {@code sets} override).
   */
  public static LoadedConfig load(Optional<Path> configFile, Map<String, String> sets) {
    Map<String, String> all = new LinkedHashMap<>(systemPropertySets(System.getProperties()));
    all.putAll(sets);
    return load(configFile, all, System.getenv());
  }

  /**
   * Loads, reads and validates the effective config.
   *
   * @param configFile the {@code --config} file, if any
   * @param sets {@code key=value} overrides in the order given (later wins); keys with or without
   *     the {@code engagement.} prefix, values parsed as HOCON values
   * @param env the environment: the variables named in reference.conf override the file, and any
   *     variable may be substituted ({@code ${?VAR}}) except the PII key
   * @throws ConfigException when a source cannot be read or the config is invalid
   */
  public static LoadedConfig load(
      Optional<Path> configFile, Map<String, String> sets, Map<String, String> env) {
    Config merged =
        setLayer(sets)
            .withFallback(envLayer(env))
            .withFallback(configFile.map(ConfigLoader::fileLayer).orElse(ConfigFactory.empty()))
            .withFallback(reference())
            .withFallback(substitutionSource(env));
    Config resolved;
    try {
      resolved = merged.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(oneLine(e.getMessage()), e);
    }
    EngagementConfig config = withPiiKey(ConfigReader.read(resolved.withOnlyPath(ROOT)), env);
    ConfigValidator.validate(config);
    return new LoadedConfig(config, ConfigRenderer.render(config), ConfigRenderer.hash(config));
  }

  /**
   * The config with the PII key of {@code env}, read only when pseudonymisation is on: the one way
   * the key enters the job. An empty or blank variable counts as unset, as for the other variables;
   * the validator then refuses the config.
   */
  private static EngagementConfig withPiiKey(EngagementConfig config, Map<String, String> env) {
    String secret = env.get(ENV_PII_KEY);
    if (!config.pii().pseudonymiseUserId() || secret == null || secret.isBlank()) {
      return config;
    }
    return config.withPii(config.pii().withKey(Optional.of(PseudonymKey.of(secret))));
  }

  /**
   * The {@code -Dengagement.*} system properties as {@code --set} entries, sorted by key; other
   * properties are not the job's business.
   */
  public static Map<String, String> systemPropertySets(Properties properties) {
    Map<String, String> sets = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(KEY_PREFIX)) {
        sets.put(name, properties.getProperty(name));
      }
    }
    return sets;
  }

  private static Config reference() {
    return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf");
  }

  private static Config fileLayer(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "--config file "
              + file.toAbsolutePath()
              + " does not exist or is not a file: check the path");
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(
          "cannot read --config file " + file.toAbsolutePath() + ": " + oneLine(e.getMessage()), e);
    }
  }

  private static Config envLayer(Map<String, String> env) {
    Config layer = ConfigFactory.empty();
    for (Map.Entry<String, String> e : new TreeMap<>(ENV_KEYS).entrySet()) {
      String value = env.get(e.getKey());
      // An exported but empty variable is the usual way to leave one unset in a shell script.
      if (value != null && !value.isBlank()) {
        layer =
            layer.withValue(
                e.getValue(),
                ConfigValueFactory.fromAnyRef(value, "environment variable " + e.getKey()));
      }
    }
    return layer;
  }

  /**
   * The environment as root-level keys for {@code ${?VAR}} substitutions, the way Typesafe Config's
   * own loader offers it; the PII key is left out so no config can copy it in.
   */
  private static Config substitutionSource(Map<String, String> env) {
    Map<String, String> vars = new HashMap<>(env);
    vars.remove(ENV_PII_KEY);
    return ConfigValueFactory.fromMap(vars, "environment variables").toConfig();
  }

  private static Config setLayer(Map<String, String> sets) {
    Config layer = ConfigFactory.empty();
    for (Map.Entry<String, String> e : sets.entrySet()) {
      Config one =
          ConfigFactory.empty()
              .withValue(setPath(e.getKey(), e.getValue()), setValue(e.getKey(), e.getValue()));
      layer = one.withFallback(layer);
    }
    return layer;
  }

  private static String setPath(String key, String value) {
    String trimmed = key.trim();
    String path =
        trimmed.equals(ROOT) || trimmed.startsWith(KEY_PREFIX)
            ? trimmed
            : KEY_PREFIX + trimmed;
    try {
      List<String> elements = ConfigUtil.splitPath(path);
      if (elements.size() < 2) {
        throw new ConfigException(
            "--set "
                + key
                + "="
                + value
                + ": give a key under "
                + ROOT
                + ", such as window-days=14");
      }
      return path;
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(
          "--set "
              + key
              + "="
              + value
              + ": \""
              + key
              + "\" is not a valid key (quote a key that holds a dot:"
              + " metrics.\"upload_file.count\".weight)",
          e);
    }
  }

  private static ConfigValue setValue(String key, String raw) {
    String origin = "--set " + key + "=" + raw;
    String value = raw.trim();
    if (!HOCON_VALUE.matcher(value).matches()) {
      return ConfigValueFactory.fromAnyRef(raw, origin);
    }
    try {
      return ConfigFactory.parseString(
              "v = " + value, ConfigParseOptions.defaults().setOriginDescription(origin))
          .root()
          .get("v");
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(
          origin + ": the value is not valid HOCON: " + oneLine(e.getMessage()), e);
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
