#!/usr/bin/env bash
# THE test command (README; .ci/run calls it): installs what the tests need on a fresh
# machine, then typecheck and lint → unit + data-layer tests → Electron build → web build and its
# initial-JS budget → benchmark smoke run → browser e2e in Debian's Chromium → the Electron
# smoke test (skipped, with the reason, where no binary).
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The Node in use, and a stop outside the range this project is built and tested with (engines).
node scripts/check-node.mjs

# Each step's heading, and the seconds the one before took (and the run so far), so the CI log
# shows where the time goes.
RUN_START=$SECONDS STEP_START=$SECONDS STEP_NAME=
step_done() {
  if [ -n "$STEP_NAME" ]; then
    echo "-- $STEP_NAME: $((SECONDS - STEP_START)) s (run so far $((SECONDS - RUN_START)) s)"
  fi
  STEP_START=$SECONDS STEP_NAME="$*"
}
step() { step_done "$*"; echo; echo "== $*"; }
trap 'step_done' EXIT

step "system packages (Chromium, CJK fonts)"; bash scripts/install-system-deps.sh
step "npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

rm -rf reports/summary && mkdir -p reports/summary
# Both single-threaded: side by side on the two cores (each prints its output when it ends).
step "typecheck and lint"; node scripts/run-parallel.mjs "npm run -s typecheck" "npm run -s lint"
step "unit and data-layer tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=reports/summary/vitest.json
step "electron build (main, preload, renderer)"; npx electron-vite build
step "electronegativity (electron/ and the built main, preload, page; reviewed: security/)"; node scripts/check-electronegativity.mjs
step "web build"; npx vite build
step "initial JavaScript budget"; node scripts/check-initial-js.mjs dist/web
step "benchmark smoke (1/100 desk in Chromium, and the sync benchmarks against a hub; must finish, times not judged)"
npx vite build --config bench/chromium/vite.config.ts
rm -f bench/.results/figures.jsonl
BENCH_SIZES=tiny BENCH_REPS=2 BENCH_STARTS=1 BENCH_LOOPS=10 BENCH_SYNC_SIZE=fresh BENCH_JOIN_REPS=1 npx vitest run --config bench/vitest.bench.config.ts
# The goals table of the smoke run's figures (bench/goals.mjs), printed, not judged.
node scripts/bench-judge.mjs --no-judge
# The join of a center first, alone: its time is issue 24's figure (playwright.config.ts JOIN_SPEC).
step "e2e: a fresh desk joins a center, alone"; PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/summary/e2e-join.json" npx playwright test --project=join --reporter=list,json
step "e2e in Chromium"; PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/summary/e2e.json" npx playwright test --project=long --project=e2e --reporter=list,json
step "electron smoke"; PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/reports/summary/electron.json" npx playwright test -c tests/e2e-electron/playwright.config.ts --reporter=list,json
step summary; node scripts/summarize-tests.mjs reports/summary
step "slowest tests (share of their limit)"; node scripts/slowest-tests.mjs reports/summary
