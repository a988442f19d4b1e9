#!/usr/bin/env bash
# Install what the browser tests (tests/browser, marker `browser`) need: Debian's chromium and
# Playwright for Python. Playwright's own browser download does not work offline, so the tests
# drive /usr/bin/chromium instead; `playwright install` is never called.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP="${PIP:-.venv/bin/pip}"
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
"$PIP" install --quiet playwright
chromium --version
