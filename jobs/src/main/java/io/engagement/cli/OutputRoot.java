package io.engagement.cli;

import io.engagement.config.ConfigException;
import io.engagement.config.ConfigKeys;
import io.engagement.config.LoadedConfig;
import java.util.List;

/** The rule of the commands that only read or tidy the tables: they need the output root alone. */
final class OutputRoot {
  private OutputRoot() {}

  /**
   * The configured output root.
   *
   * @throws ConfigException (exit 2) naming the key and how to set it, when it is not set
   */
  static String require(LoadedConfig loaded) {
    String outputKey = ConfigKeys.path(ConfigKeys.OUTPUT, ConfigKeys.ROOT_DIR);
    List<String> unset =
        loaded.config().unsetRoots().stream().filter(p -> p.startsWith(outputKey)).toList();
    if (!unset.isEmpty()) {
      throw new ConfigException(unset);
    }
    return loaded.config().outputRoot();
  }
}
