#!/usr/bin/env bash
# Starts the installed app: the Electron app where its binary is there (a normal machine
# downloads it), otherwise the very same app for a browser — with one line saying so and the
# address to open, never a stack trace.
set -euo pipefail
cd "$(dirname "$0")/.."
if node -e "require('electron')" >/dev/null 2>&1; then
  exec npm start
fi
port="${PORT:-5173}"
# The address is printed by scripts/serve-web.mjs once the server answers (the build comes first).
echo "未能安装 Electron 程序（本机无法下载），改为在浏览器中运行同一应用，正在构建，就绪后显示地址  (Electron binary unavailable here: building the app for a browser; its address follows once it answers)"
PORT="$port" exec npm run -s web
