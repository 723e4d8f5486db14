#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (written by
# `kata export gradescope`). It installs Node.js if the image has none new enough, then the pack.
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-__NODE_VERSION__}"
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number);
      process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

if ! node_ok; then
  if ! command -v curl >/dev/null 2>&1 || ! command -v xz >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq curl xz-utils ca-certificates
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "setup.sh: no Node.js build for $(uname -m)" >&2; exit 1 ;;
  esac
  file="node-${NODE_VERSION}-linux-${arch}.tar.xz"
  base="https://nodejs.org/dist/${NODE_VERSION}"
  tmp="$(mktemp -d)"
  curl -fsSL "${base}/${file}" -o "${tmp}/${file}"
  curl -fsSL "${base}/SHASUMS256.txt" -o "${tmp}/SHASUMS256.txt"
  # The download must match Node's published checksum.
  (cd "$tmp" && grep " ${file}\$" SHASUMS256.txt | sha256sum -c --quiet -)
  tar -xJf "${tmp}/${file}" -C /usr/local --strip-components=1
  rm -rf "$tmp"
fi
node_ok || { echo "setup.sh: Node.js 20.19 or newer is needed, found $(node --version)" >&2; exit 1; }

cd "$SOURCE"
npm ci --no-audit --no-fund
