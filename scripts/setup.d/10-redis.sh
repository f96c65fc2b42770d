#!/usr/bin/env bash
# Installs redis-server for the sdk-redis tests, which start their own redis-server on a random
# loopback port (and fail, not skip, when it is missing). Idempotent; runs as root.
# The Debian package starts a system service on port 6379: the tests never use it, so it is
# stopped and disabled to leave nothing running.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq redis-server >/dev/null
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet redis-server 2>/dev/null; then
  systemctl stop redis-server || true
  systemctl disable redis-server >/dev/null 2>&1 || true
fi
if command -v service >/dev/null 2>&1; then
  service redis-server stop >/dev/null 2>&1 || true
fi
command -v redis-server >/dev/null
