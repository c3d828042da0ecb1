#!/usr/bin/env bash
# Install Debian's chromium + chromium-driver for the browser tests (tests/web, marker
# "browser"). Idempotent: does nothing when both are already there. Playwright drives
# /usr/bin/chromium; no browser is ever downloaded by Playwright itself.
set -euo pipefail

if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version
