#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the sdk-testkit browser test, which drives the
# fake IdP's login page in headless Chromium through Selenium (and fails, not skips, when either is
# missing). Idempotent; runs as root.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
