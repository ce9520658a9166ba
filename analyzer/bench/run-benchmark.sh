#!/usr/bin/env bash
# Benchmarks the analyzer (see docs/benchmarks.md, section "Analyzer"):
#  1. generates the ~50k-line Java corpus (or scans the PATH given as $1),
#  2. in-process throughput on all cores (best of 5 after 2 warm-up scans), and tree-sitter alone on one thread,
#  3. whole-process wall time of `./debtwatch scan` (the launcher, with its start-up flags and class-data-sharing
#     archive) against PMD 7.27.0 with the six rules of issue 3: RUNS runs each (default 3), medians and ratios.
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
RUNS=${RUNS:-3}
echo "== in-process (all cores)"
java -cp "$ACP" io.debtwatch.analyzer.bench.Benchmark scan "$TARGET" 5
java -cp "$ACP" io.debtwatch.analyzer.syntax.TreeSitterFloor "$TARGET" 5

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
# one run of wall and user seconds: "wall user"
timed() {
  /usr/bin/time -f "%e %U" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || true
  cat "$WORK/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "== whole process: ./debtwatch scan (first run makes the class-data-sharing archive and is not counted)"
./debtwatch scan "$TARGET" --format json > "$WORK/debtwatch.json"
: > "$WORK/dw.times"
for i in $(seq "$RUNS"); do
  timed ./debtwatch scan "$TARGET" --format json | tee -a "$WORK/dw.times" | sed "s/^/debtwatch run $i: wall user = /"
done
echo "== whole process: PMD 7.27.0 (6 rules)"
: > "$WORK/pmd.times"
for i in $(seq "$RUNS"); do
  timed java -cp "$WORK/pmd/lib/*" net.sourceforge.pmd.cli.PmdCli check --no-cache -d "$TARGET" -R "$WORK/pmd/rules.xml" \
    -f text --no-fail-on-violation --no-progress | tee -a "$WORK/pmd.times" | sed "s/^/pmd run $i: wall user = /"
done
echo "pmd violations: $(wc -l < "$WORK/out")"
dw_wall=$(cut -d' ' -f1 "$WORK/dw.times" | median); dw_user=$(cut -d' ' -f2 "$WORK/dw.times" | median)
pmd_wall=$(cut -d' ' -f1 "$WORK/pmd.times" | median); pmd_user=$(cut -d' ' -f2 "$WORK/pmd.times" | median)
awk -v dw="$dw_wall" -v du="$dw_user" -v pw="$pmd_wall" -v pu="$pmd_user" 'BEGIN {
  printf "medians: debtwatch wall %.2fs user %.2fs, pmd wall %.2fs user %.2fs; ratio wall %.2f, user %.2f (goal: wall under 0.20)\n",
    dw, du, pw, pu, dw / pw, du / pu }'
uptime
