package io.engagement.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses YYYY-MM-DD strictly (2026-02-30 is refused) with a message that says the format. */
final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new TypeConversionException(
          "'" + value + "' is not a valid date YYYY-MM-DD (" + reason + ")");
    }
  }
}
