package io.engagement.activity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.KpiConfig;
import io.engagement.input.InputSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The filter and the measure of a KPI as Spark columns (metrics.md 4). Raw property values are
 * text from upstream systems, so they are parsed defensively: only a finite number written in
 * decimal or scientific notation counts; anything else ({@code abc}, empty, {@code NaN},
 * {@code Infinity}, {@code 1e999}) is null and skipped, never a failed cast under ANSI mode.
 */
public final class KpiMeasures {
  /** Decimal or scientific notation; rejects NaN/Infinity spellings that Spark's cast would accept. */
  private static final String NUMBER_PATTERN = "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$";

  private KpiMeasures() {}

  /** True for the events the KPI looks at: both filters must match when both are given. */
  public static Column matches(KpiConfig kpi) {
    Column condition = lit(true);
    if (kpi.eventType().isPresent()) {
      condition = condition.and(col(InputSchemas.EVENT_TYPE).equalTo(lit(kpi.eventType().get())));
    }
    if (kpi.eventName().isPresent()) {
      condition = condition.and(col(InputSchemas.EVENT_NAME).equalTo(lit(kpi.eventName().get())));
    }
    return functions.coalesce(condition, lit(false));
  }

  /** The KPI's measure as a finite double, or null (also null when the KPI has no measure). */
  public static Column measure(KpiConfig kpi) {
    if (kpi.measure().isEmpty()) {
      return lit(null).cast("double");
    }
    // parseNumber is already finite or null: wrapping it again would repeat the regex in the plan.
    return kpi.propertyKey()
        .map(key -> parseNumber(col(InputSchemas.PROPERTIES).getItem(key)))
        .orElseGet(() -> finiteOrNull(col(kpi.measure().get()).cast("double")));
  }

  /** Parses text as a finite double; null for anything that is not a plain number. */
  public static Column parseNumber(Column text) {
    return finiteOrNull(when(text.rlike(NUMBER_PATTERN), functions.trim(text).try_cast("double")));
  }

  private static Column finiteOrNull(Column value) {
    return when(
        value.isNotNull()
            .and(functions.not(functions.isnan(value)))
            .and(functions.abs(value).notEqual(lit(Double.POSITIVE_INFINITY))),
        value);
  }

  /**
   * What one event contributes to the KPI, evaluated once per event before the aggregation: for a
   * count, 1 when the event matches; otherwise the measure of a matching event. Null when the
   * event does not count. A projection is compiled with common subexpressions computed once,
   * while an aggregate's inputs are not (the parse of a property would run once per use).
   */
  public static Column contribution(KpiConfig kpi) {
    Column matching = matches(kpi);
    return switch (kpi.aggregation()) {
      case COUNT -> when(matching, lit(1.0));
      case SUM, MAX -> when(matching, measure(kpi));
    };
  }
}
