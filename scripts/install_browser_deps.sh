#!/usr/bin/env bash
# Install what the browser tests (tests/browser, marker `browser`) need from Debian: chromium.
# Playwright for Python comes with the dev extras (`make test` installs it). Playwright's own
# browser download does not work offline, so the tests drive /usr/bin/chromium instead;
# `playwright install` is never called. Where chromium is missing and this user cannot install it,
# the script fails and names the command to run: the suite never passes without driving the browser.
set -euo pipefail
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "chromium is missing and cannot be installed by this user: run" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
    echo "(or: sudo bash scripts/install_browser_deps.sh), then make test again" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version
