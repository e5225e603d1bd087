#!/usr/bin/env bash
# Benchmarks the daily run on generated data (docs/benchmark.md):
#   scripts/bench.sh [OPTIONS...]
# Without options: 1M, 10M and 30M events on a day after 28 days of history, the first size
# again after 365 days; results as a markdown table on standard output and in
# benchmarks/<date>-<label>.md. A smoke run that proves the harness in a few minutes:
#   scripts/bench.sh --sizes 100000 --users 10000 --history-days 3 --long-history-days 10 --out /tmp
# Run it from the repository root. Data goes under --work (default /tmp/engagement-bench).
# Builds the jar like scripts/run.sh and runs with its JVM (heap ENGAGEMENT_DRIVER_MEMORY, default 4g).
set -euo pipefail

# shellcheck source=lib/java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/java.sh"
engagement_build_if_stale
engagement_exec io.engagement.bench.Benchmark "$@"
