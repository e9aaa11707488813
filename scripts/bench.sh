#!/usr/bin/env bash
# Runs one benchmark under bench/ with the project's Node and TypeScript loader:
# `bash scripts/bench.sh bench/sloEvaluation.ts`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
source scripts/system-packages.sh
ensure_debian_package prometheus /usr/bin/promtool
exec node --expose-gc --require @backstage/cli/config/nodeTransform.cjs "$@"
