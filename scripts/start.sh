#!/usr/bin/env bash
# Installs the app's packages (Electron's binary downloads on a normal machine) and starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm start
