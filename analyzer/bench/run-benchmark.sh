#!/usr/bin/env bash
# Benchmarks the analyzer (see docs/benchmarks.md, section "Analyzer"):
#  1. generates the ~50k-line Java corpus (or scans the PATH given as $1),
#  2. in-process throughput on all cores (best of 5 after 2 warm-up scans),
#  3. whole-process wall time of `debtwatch scan` against PMD 7.27.0 with the six rules of issue 3.
# Usage: analyzer/bench/run-benchmark.sh [PATH]   (run from the repository root)
set -euo pipefail
ROOT=$(pwd)
WORK=${BENCH_WORK:-/tmp/debtwatch-bench}
mkdir -p "$WORK"
./mvnw -q -pl analyzer,cli -am package -DskipTests
./mvnw -q -pl analyzer dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$WORK/analyzer.cp" >/dev/null
ACP="analyzer/target/classes:analyzer/target/test-classes:$(cat "$WORK/analyzer.cp")"
CCP="cli/target/classes:$(ls cli/target/lib/*.jar | tr '\n' ':')"
TARGET=${1:-$WORK/corpus}
if [ -z "${1:-}" ] && [ ! -d "$TARGET" ]; then
  java -cp "$ACP" io.debtwatch.analyzer.bench.Benchmark generate "$TARGET" 50000
fi
echo "== in-process (all cores)"
java -cp "$ACP" io.debtwatch.analyzer.bench.Benchmark scan "$TARGET" 5

# PMD 7 with pmd-java and pmd-cli, resolved by Maven into $WORK/pmd/lib
if [ ! -d "$WORK/pmd/lib" ]; then
  mkdir -p "$WORK/pmd"
  cat > "$WORK/pmd/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>pmd-bench</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-java</artifactId><version>7.27.0</version></dependency>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-cli</artifactId><version>7.27.0</version></dependency>
  </dependencies>
</project>
POM
  "$ROOT/mvnw" -q -f "$WORK/pmd/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/pmd/lib"
fi
cat > "$WORK/pmd/rules.xml" <<'XML'
<?xml version="1.0"?>
<ruleset name="bench" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
  <description>The six rules of issue 3</description>
  <rule ref="category/java/errorprone.xml/EmptyCatchBlock"/>
  <rule ref="category/java/bestpractices.xml/SystemPrintln"/>
  <rule ref="category/java/bestpractices.xml/AvoidPrintStackTrace"/>
  <rule ref="category/java/security.xml/HardCodedCryptoKey"/>
  <rule ref="category/java/errorprone.xml/AvoidCatchingThrowable"/>
  <rule ref="category/java/design.xml/AvoidThrowingRawExceptionTypes"/>
</ruleset>
XML
echo "== whole process: debtwatch scan (default JVM flags, then the short-lived-CLI flags C1-only + serial GC)"
/usr/bin/time -f "debtwatch wall=%es user=%Us" java -cp "$CCP" io.debtwatch.cli.DebtwatchCommand scan "$TARGET" --format json > "$WORK/debtwatch.json"
/usr/bin/time -f "debtwatch-c1 wall=%es user=%Us" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CCP" \
  io.debtwatch.cli.DebtwatchCommand scan "$TARGET" --format json > "$WORK/debtwatch.json"
echo "== whole process: PMD 7.27.0 (6 rules)"
/usr/bin/time -f "pmd wall=%es user=%Us" java -cp "$WORK/pmd/lib/*" net.sourceforge.pmd.cli.PmdCli check --no-cache \
  -d "$TARGET" -R "$WORK/pmd/rules.xml" -f text --no-fail-on-violation > "$WORK/pmd.txt" || true
echo "pmd violations: $(wc -l < "$WORK/pmd.txt")"
uptime
