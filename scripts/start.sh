#!/usr/bin/env bash
# Installs the app's packages and starts it (scripts/launch.sh: Electron, or the browser where
# Electron's binary could not be downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-node.mjs
npm ci --no-audit --no-fund
exec bash scripts/launch.sh
