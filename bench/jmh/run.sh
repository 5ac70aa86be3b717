#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (classes named *Benchmark under src/test/java) on the compiled test
# classes. Arguments go to JMH: a regular expression selects benchmarks, -h lists JMH's options.
#
#   bench/jmh/run.sh                         # every benchmark, JMH defaults from the annotations
#   bench/jmh/run.sh ScoringBenchmark -t 1   # one benchmark class, one thread
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
classpath_file=target/jmh-classpath.txt
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file"
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$@"
