#!/usr/bin/env bash
# Compiles tree-sitter's core (vendor/tree-sitter) and the analyzer's implementation of the binding's natives
# (debtwatch_tree_sitter.c), with optimisation, into OUT/native/<os>-<arch>/libdebtwatch-tree-sitter.<so|dylib>.
# Maven runs it while building analyzer (profile "native-tree-sitter" in analyzer/pom.xml), so the library
# ships inside the analyzer jar. Without a C compiler it says so and stops: the analyzer then runs on the
# binding's own library, with the same results, about twice as slow (docs/benchmarks.md, "Analyzer").
# Usage: build.sh JAVA_HOME OUT   (CC picks the compiler, default cc; DEBTWATCH_NATIVE=off skips the build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
java_home=$1
out=$2
cc=${CC:-cc}
skip() {
  echo "[debtwatch] optimised tree-sitter library not built: $1; the analyzer uses the binding's own library"
  exit 0
}
[ "${DEBTWATCH_NATIVE:-on}" != off ] || skip "DEBTWATCH_NATIVE=off"
command -v "$cc" > /dev/null 2>&1 || skip "no C compiler ($cc)"
case "$(uname -s)" in
  Linux) os=linux ext=so exports=-Wl,--version-script="$here/exports.map" ;;
  Darwin) os=darwin ext=dylib exports=-Wl,-exported_symbol,_Java_* ;;
  *) skip "$(uname -s) is not supported" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) skip "$(uname -m) is not supported" ;;
esac
[ -f "$java_home/include/jni.h" ] || skip "no JNI headers under $java_home/include"
target="$out/native/$os-$arch/libdebtwatch-tree-sitter.$ext"
if [ -f "$target" ] && [ -z "$(find "$here" -type f -newer "$target" -print -quit)" ]; then
  exit 0
fi
mkdir -p "$(dirname "$target")"
# Only the JNI entry point is exported: this copy of the core's symbols stays private, so nothing binds to the
# binding's copy (loaded in the same process) or the other way round.
"$cc" -O2 -std=c11 -fPIC -shared -fvisibility=hidden "$exports" \
  -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -D_DARWIN_C_SOURCE \
  -I"$java_home/include" -I"$java_home/include/$os" \
  -I"$here/vendor/tree-sitter/include" -I"$here/vendor/tree-sitter/src" \
  -o "$target.tmp" "$here/vendor/tree-sitter/src/lib.c" "$here/debtwatch_tree_sitter.c"
mv "$target.tmp" "$target"
echo "[debtwatch] built $target"
