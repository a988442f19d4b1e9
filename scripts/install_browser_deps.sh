#!/usr/bin/env bash
# Install what the browser tests (tests/browser, marker `browser`) need from Debian: chromium.
# Playwright for Python comes with the dev extras (`make test` installs it). Playwright's own
# browser download does not work offline, so the tests drive /usr/bin/chromium instead;
# `playwright install` is never called.
set -euo pipefail
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version
