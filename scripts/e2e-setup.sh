#!/usr/bin/env bash
# Installs what the end-to-end tests need, once:
#   - Debian's chromium, libkrb5-dev and fonts-noto-color-emoji (only when missing);
#   - Node 24 and code-server from the npm registry into ${CHATREVIEW_CACHE:-~/.cache/chatreview}/e2e,
#     with code-server's VS Code dependencies installed and their native modules rebuilt for Node 24.
# Idempotent: a stamp file makes a second run instant. Unattended: no prompts, no stdin.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0

CACHE="${CHATREVIEW_CACHE:-$HOME/.cache/chatreview}"
DIR="$CACHE/e2e"
STAMP="$DIR/.setup-stamp"
KEY="code-server@$CODE_SERVER_VERSION node@$NODE_VERSION v2"

log() { printf '[e2e-setup] %s\n' "$*"; }

case "$(uname -m)" in
  x86_64 | amd64) ARCH=x64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) echo "[e2e-setup] unsupported machine: $(uname -m)" >&2; exit 1 ;;
esac
NODE_PKG="node-linux-$ARCH"

# --- Debian packages ---------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_deb libkrb5-dev || missing+=(libkrb5-dev)
# Emoji and symbols (📎, ⏎) in screenshots instead of empty boxes.
have_deb fonts-noto-color-emoji || missing+=(fonts-noto-color-emoji)
if [ "${#missing[@]}" -gt 0 ]; then
  APT=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y)
  if [ "$(id -u)" -ne 0 ]; then APT=(sudo -n "${APT[@]}"); fi
  log "apt-get install ${missing[*]}"
  mkdir -p "$CACHE"
  if ! { "${APT[@]}" update && "${APT[@]}" install "${missing[@]}"; } </dev/null >"$CACHE/apt.log" 2>&1; then
    tail -n 30 "$CACHE/apt.log" >&2
    echo "[e2e-setup] apt-get failed; full log: $CACHE/apt.log" >&2
    exit 1
  fi
else
  log "chromium, libkrb5-dev and fonts-noto-color-emoji present"
fi

# --- Node 24 + code-server ---------------------------------------------------------------------
NODE24="$DIR/node_modules/$NODE_PKG/bin/node"
VSCODE_DIR="$DIR/node_modules/code-server/lib/vscode"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$KEY" ] && [ -x "$NODE24" ] \
  && [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION and Node $NODE_VERSION ready in $DIR"
  exit 0
fi

rm -f "$STAMP"
mkdir -p "$DIR"
cat >"$DIR/package.json" <<EOF
{
  "name": "chatreview-e2e-cache",
  "private": true,
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "$NODE_PKG": "$NODE_VERSION"
  }
}
EOF
rm -f "$DIR/package-lock.json"

log "npm install code-server@$CODE_SERVER_VERSION $NODE_PKG@$NODE_VERSION (in $DIR)"
(cd "$DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null >/dev/null)
"$NODE24" --version >/dev/null

NODE24_HOME="$DIR/node_modules/$NODE_PKG"
run24() {
  # Node 24 first on PATH; native modules built against Node 24's own headers (shipped in the package),
  # never downloaded.
  (cd "$VSCODE_DIR" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm_config_update_notifier=false "$@" </dev/null)
}

log "npm install --omit=dev in code-server/lib/vscode (Node $("$NODE24" --version))"
run24 npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

log "npm rebuild native modules for Node 24 (a few minutes on 2 cores)"
if ! run24 npm rebuild --loglevel=error >"$DIR/rebuild.log" 2>&1; then
  tail -n 40 "$DIR/rebuild.log" >&2
  echo "[e2e-setup] npm rebuild failed; full log: $DIR/rebuild.log" >&2
  exit 1
fi

echo "$KEY" >"$STAMP"
log "done: $DIR"
