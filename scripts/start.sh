#!/usr/bin/env bash
# `npm start`: the demo portal on http://localhost:3000 (backend on :7007) with the demo catalog,
# on SQLite files under .data/ so what you record survives a restart. When Debian's prometheus
# package is installed, a local Prometheus on loopback serves the demo's SLI data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bootstrap.sh
mkdir -p .data/sqlite

if [[ -z "${RELIABILITY_PROMETHEUS_URL:-}" && -x /usr/bin/prometheus ]]; then
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  node --require @backstage/cli/config/nodeTransform.cjs scripts/demo-prometheus.ts \
    .data/prometheus "$port" &
  prometheus_pid=$!
  trap 'kill "$prometheus_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; then
      export RELIABILITY_PROMETHEUS_URL="http://127.0.0.1:$port"
      break
    fi
    if ! kill -0 "$prometheus_pid" 2>/dev/null; then
      echo "The demo Prometheus did not start; SLOs will say how to configure one." >&2
      break
    fi
    sleep 0.5
  done
elif [[ -z "${RELIABILITY_PROMETHEUS_URL:-}" ]]; then
  echo "Prometheus is not installed (apt-get install -y prometheus): the SLO pages will explain how to point the suite at one." >&2
fi

# MCP clients (Claude Code, Cursor, an incident bot) reach the suite's actions at
# /api/mcp-actions/v1 with a static token: one is made once, kept in .data/, and layered on
# app-config.yaml from a file there.
token_file=.data/mcp-token
# Readable by this user only; the token reaches the MCP server and, on its behalf, this suite.
umask 077
if [[ ! -s "$token_file" ]]; then
  node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))" >"$token_file"
fi
printf 'backend:\n  auth:\n    externalAccess:\n      - type: static\n        options:\n          token: %s\n          subject: mcp-demo-client\n        accessRestrictions:\n          - plugin: mcp-actions\n          - plugin: reliability\n' \
  "$(cat "$token_file")" >.data/app-config.mcp.yaml
umask 022
# Files an older start left readable to others are narrowed too.
chmod 600 "$token_file" .data/app-config.mcp.yaml
echo "MCP: http://localhost:7007/api/mcp-actions/v1 with the bearer token in $token_file"

# Giving --config replaces the default files: name app-config.local.yaml again when there is one.
configs=(--config "$PWD/app-config.yaml")
if [[ -f app-config.local.yaml ]]; then
  configs+=(--config "$PWD/app-config.local.yaml")
fi
backstage-cli repo start "${configs[@]}" --config "$PWD/.data/app-config.mcp.yaml" "$@"
