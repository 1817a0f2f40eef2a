#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those not yet present.
#   scripts/system-deps.sh run    -> what `make run` needs (Tesseract)
#   scripts/system-deps.sh test   -> plus Redis, PostgreSQL and chromium for the tests
set -euo pipefail
want=(tesseract-ocr tesseract-ocr-eng)
if [ "${1:-run}" = "test" ]; then
  want+=(redis-server postgresql chromium libtiff-tools)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
