#!/usr/bin/env bash
# Installs node/npm and panva's oidc-provider (version pinned by sdk-oidc/src/test/node/package.json
# and package-lock.json) for the sdk-oidc interop test, which starts it on a random loopback port and
# fails, not skips, when either is missing. Idempotent; runs as root. node_modules is gitignored.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=sdk-oidc/src/test/node
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "oidc-provider 9 needs Node.js 20 or later; found $(node --version)" >&2
  exit 1
fi
want=$(node -p "require('./$dir/package.json').dependencies['oidc-provider']")
have=$(node -p "try { require('./$dir/node_modules/oidc-provider/package.json').version } catch (e) { '' }")
if [ "$have" = "$want" ]; then
  exit 0
fi
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
