#!/usr/bin/env bash
# Exports the gateway's OpenAPI document (written at build time to target/openapi) and lints it with
# Redocly CLI, an independent linter from npm. Needs Java 17 and Node.js 18+ with npx.
# Usage: api-gateway/lint-openapi.sh [--no-build]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
redocly_version="2.77.0"

if [[ "${1:-}" != "--no-build" ]]; then
  (cd "$root" && ./mvnw -q -pl api-gateway -am package -DskipTests)
fi
document="$here/target/openapi/openapi.yaml"
if [[ ! -s "$document" ]]; then
  echo "no OpenAPI document at $document: build the gateway first" >&2
  exit 1
fi
command -v npx >/dev/null || { echo "npx not found: install Node.js 18 or newer" >&2; exit 1; }
npx --yes "@redocly/cli@${redocly_version}" lint --config "$here/redocly.yaml" "$document"
