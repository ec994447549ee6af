#!/usr/bin/env bash
# Sets GovCoder up on this machine and then runs it or its tests. Safe to run again: it only redoes
# what changed. Usage: ./dev.sh app [govcoder arguments...] | ./dev.sh test [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

say() { printf '[dev.sh] %s\n' "$*" >&2; }

need_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "GovCoder needs Python 3.11 or newer; found: $("$PYTHON" --version 2>&1 || echo none)"
    exit 1
  fi
}

# Debian packages, installed only when missing and only where we may (root with apt-get).
apt_updated=
ensure_debs() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "please install these system packages: ${missing[*]}"
    return 0
  fi
  say "installing system packages: ${missing[*]}"
  if [ -z "$apt_updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

qt_runtime_debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
                 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
                 libxcb-render-util0 libxcb-image0 fonts-wqy-microhei)

ensure_venv() {
  need_python
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local stamp="$VENV/.govcoder-installed"
  local want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing GovCoder and its dependencies into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[test,fast]'
    echo "$want" >"$stamp"
  fi
}

case "${1:-}" in
  app)
    shift
    if command -v dpkg-query >/dev/null; then
      debs=("${qt_runtime_debs[@]}")
      [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && debs+=(xvfb xauth)
      ensure_debs "${debs[@]}"
    fi
    ensure_venv
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      if command -v xvfb-run >/dev/null; then
        say "no display found: the window opens on a virtual screen (Xvfb)"
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/govcoder" "$@" gui
      fi
      say "no display found and no Xvfb: set DISPLAY or QT_QPA_PLATFORM"
      exit 1
    fi
    exec "$VENV/bin/govcoder" "$@" gui
    ;;
  test)
    shift
    if command -v dpkg-query >/dev/null; then
      debs=("${qt_runtime_debs[@]}")
      command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || debs+=(postgresql)
      ensure_debs "${debs[@]}"
    fi
    ensure_venv
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh app [govcoder options]   open the app on the sample project" >&2
    echo "       ./dev.sh test [pytest options]    run the whole test suite" >&2
    exit 2
    ;;
esac
