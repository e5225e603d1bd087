package io.engagement.cli;

import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a command needs from its process: where to print, where the config's outside layers come
 * from, and the work it starts. Passing it in keeps the commands testable without touching
 * System.out or the real environment.
 */
record CliContext(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Properties systemProperties,
    Jobs jobs) {

  /** The validated effective config of these options; fails (exit 2) before any Spark work. */
  LoadedConfig loadConfig(CommonOptions options) {
    Map<String, String> sets =
        new LinkedHashMap<>(ConfigLoader.systemPropertySets(systemProperties));
    sets.putAll(options.sets());
    return ConfigLoader.load(options.config(), sets, env);
  }
}
