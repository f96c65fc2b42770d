#!/usr/bin/env bash
# Installs node/npm and samlify (versions pinned by demo/src/test/node/package.json and
# package-lock.json) for the demo's samlify peer test, which starts demo/src/test/node/saml-idp.mjs
# on a random loopback port and fails, not skips, when either is missing. Idempotent; runs as root.
# node_modules is gitignored.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=demo/src/test/node
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "samlify 2.13 needs Node.js 18 or later; found $(node --version)" >&2
  exit 1
fi
want=$(node -p "require('./$dir/package.json').dependencies['samlify']")
have=$(node -p "try { require('./$dir/node_modules/samlify/package.json').version } catch (e) { '' }")
if [ "$have" = "$want" ]; then
  exit 0
fi
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
