#!/usr/bin/env bash
# `npm start`: the demo portal on http://localhost:3000 (backend on :7007) with the demo catalog,
# on SQLite files under .data/ so what you record survives a restart.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
mkdir -p .data/sqlite
exec backstage-cli repo start "$@"
