#!/usr/bin/env bash
# Sets chibo up from a bare checkout and runs it. Works on a fresh Debian (as root, or with sudo),
# installing only what is missing; everything Python goes into .venv inside the checkout.
#   bash scripts/chibo.sh app     set up, then open the app (a demo cell when the book is empty)
#   bash scripts/chibo.sh test    set up, then lint (ruff) and run the whole test suite
#   bash scripts/chibo.sh setup   only set up
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-app}"
shift || true

say() {
  if [ -t 2 ]; then printf '\033[1m[chibo]\033[0m %s\n' "$*" >&2; else printf '[chibo] %s\n' "$*" >&2; fi
}

# Debian's libraries that Qt's xcb and offscreen platforms load, fonts with every Vietnamese glyph,
# and Xvfb for screenshots on machines without a screen.
DEBIAN_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-liberation2 fonts-dejavu-core xvfb xauth
)

python_ok() {
  command -v "$1" >/dev/null 2>&1 &&
    "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "Không phải Debian/Ubuntu: bỏ qua bước cài thư viện hệ thống."; return; }
  local wanted=("${DEBIAN_PACKAGES[@]}") missing=()
  python_ok python3 || wanted+=(python3 python3-venv python3-pip)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "Thiếu gói: ${missing[*]}. Hãy cài bằng quyền root."; exit 1; }
    sudo="sudo"
  fi
  say "Cài gói Debian còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_venv() {
  local py=python3
  python_ok "$py" || { say "Cần Python 3.11 trở lên có venv."; exit 1; }
  local stamp=.venv/.chibo-setup
  local want
  want="$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"
  if [ -x .venv/bin/chibo ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  [ -x .venv/bin/python ] || { say "Tạo môi trường Python .venv"; "$py" -m venv .venv; }
  say "Cài chibo và các thư viện Python vào .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
}

install_debian_packages
setup_venv

case "$what" in
  setup) say "Đã cài xong." ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    # The rules are in pyproject.toml ([tool.ruff]); a finding fails the run before any test starts.
    .venv/bin/python -m ruff check --quiet . || { say "ruff: sửa các lỗi trên rồi chạy lại."; exit 1; }
    exec .venv/bin/python -m pytest "$@"
    ;;
  app)
    # An empty book gets a demo cell to try things on, in its own folder beside the real book
    # (chi-bo-mau, where the first-run wizard puts its demo), so the real book stays empty for the
    # cell's own data; a book with data is opened as it is.
    # Read without opening the book (opening would create it): an empty book is one with no file,
    # or a file whose unit was never set up; a damaged or locked one is opened as it is, to say so.
    state="$(.venv/bin/python - "$@" <<'PY'
import sqlite3, sys
from chibo import paths
args = sys.argv[1:]
given = [a.split("=", 1)[1] for a in args if a.startswith("--data-dir=")]
given += [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--data-dir"]
folder = paths.data_dir(given[-1] if given else None)
book = folder / "chibo.sqlite"
empty = not book.exists()
if not empty:
    try:
        db = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
        empty = db.execute("SELECT 1 FROM setting WHERE key = 'local_unit_id'").fetchone() is None
    except sqlite3.Error:
        empty = False  # not readable here: the app says why
print("empty" if empty else "book")
print(folder)
PY
)"
    folder="$(printf '%s\n' "$state" | sed -n 2p)"
    if [ "$(printf '%s\n' "$state" | sed -n 1p)" = empty ]; then
      demo="$folder/chi-bo-mau"
      .venv/bin/chibo --data-dir "$demo" demo --if-empty
      say "Sổ thật ở $folder còn trống, nên mở chi bộ mẫu ở $demo (dữ liệu hư cấu, để thử)."
      say "Khai báo chi bộ của mình: .venv/bin/chibo (trình hướng dẫn) hoặc .venv/bin/chibo init --name \"…\"."
      set -- "$@" --data-dir "$demo"
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      say "Máy không có màn hình: mở ứng dụng trên màn hình ảo để kiểm tra khởi động."
      exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/chibo --smoke "$@"
    fi
    exec .venv/bin/chibo "$@"
    ;;
  *) say "Dùng: bash scripts/chibo.sh app|test|setup"; exit 2 ;;
esac
