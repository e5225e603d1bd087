package io.engagement.cli;

/** A command with the common options, so the error handler can honour {@code --verbose}. */
interface HasCommonOptions {
  CommonOptions common();
}
