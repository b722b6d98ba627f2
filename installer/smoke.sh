#!/usr/bin/env bash
# Smoke tests of the built packages, on Debian 12 as root (bash installer/build.sh first):
#   bash installer/smoke.sh deb       a fresh Debian 12 (debootstrap, nothing else installed): apt installs
#                                     the .deb offline from its file with the dependencies it declares;
#                                     chibo --version, demo, print minutes, --smoke under Xvfb as a normal
#                                     user; an upgrade over a book of the previous release; removal and
#                                     purge keep the book; cold start against scripts/chibo.sh app's
#   bash installer/smoke.sh windows   what the installer and the portable zip carry; then under wine:
#                                     the refusals (32-bit, Windows 7), a silent install, the commands with
#                                     the installed Python, --smoke (chibo-console.exe and chibo.exe), the
#                                     installer and uninstaller stopping while chibo is open, a newer
#                                     installer over the older one and a 0001 book, the uninstaller keeping
#                                     the data, the portable copy keeping its book
# Each check prints PASS or FAIL; the last line counts them. Work files go to build/smoke/.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-}"
version="$(.venv/bin/python -c 'import sys; sys.path.insert(0, "installer"); import buildlib; print(buildlib.version())')"
work="$here/build/smoke"
passed=0 failed=0

say() { printf '[smoke] %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
check() { # check "what" command…: PASS when the command succeeds
  local name="$1"; shift
  local out
  if out="$("$@" 2>&1)"; then pass "$name"; else fail "$name"; printf '%s\n' "$out" | tail -20 | sed 's/^/     /'; fi
}
need() { # need COMMAND PACKAGE: the Debian package of a tool this test runs on the host
  command -v "$1" >/dev/null && return
  [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
finish() {
  printf '%s passed, %s failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------- deb
smoke_deb() {
  local deb="dist/chibo_${version}-1_amd64.deb" newer="$work/chibo_${version}-2_amd64.deb"
  [ -f "$deb" ] || { say "no $deb: run bash installer/build.sh deb"; exit 2; }
  need debootstrap debootstrap; need pdftotext poppler-utils; need Xvfb xvfb
  root="$work/debian-root" user=1000 home=/home/thu  # global: the EXIT trap reads them
  cleanup_deb() {
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
    [ -n "${wm_pid:-}" ] && kill "$wm_pid" 2>/dev/null
    for m in tmp/.X11-unix dev/pts dev/shm dev proc; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
    return 0
  }
  trap cleanup_deb EXIT
  cleanup_deb
  rm -rf "$root" && mkdir -p "$root"
  say "a fresh Debian 12 (debootstrap --variant=minbase)"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { fail "debootstrap (see $work/debootstrap.log)"; finish; exit 1; }
  mount -t proc proc "$root/proc" && mount --bind /dev "$root/dev" && mount --bind /dev/pts "$root/dev/pts" &&
    mount --bind /dev/shm "$root/dev/shm"
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
  as_user() { chroot --userspec=$user:$user "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=$home LANG=C.UTF-8 "$@"; }
  in_root useradd --create-home --uid $user thu
  cp "$deb" "$root/tmp/"

  # A newer build of the same program for the upgrade: the package with its revision raised.
  rm -rf "$work/repack" && dpkg-deb -R "$deb" "$work/repack" &&
    sed -i "s/^Version: .*/Version: ${version}-2/" "$work/repack/DEBIAN/control" &&
    dpkg-deb --root-owner-group -Zxz -b "$work/repack" "$newer" >/dev/null && cp "$newer" "$root/tmp/"

  say "apt installs the .deb from its file (its Depends from Debian; xvfb only for the test)"
  check "apt install ./$(basename "$deb") into a clean Debian 12" \
    in_root sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb") xvfb xauth"
  check "chibo is on PATH (/usr/bin/chibo)" test -x "$root/usr/bin/chibo"
  check "menu entry, icon and metainfo installed" test -f "$root/usr/share/applications/vn.chibo.Chibo.desktop" -a \
    -f "$root/usr/share/icons/hicolor/48x48/apps/vn.chibo.Chibo.png" -a -f "$root/usr/share/icons/hicolor/scalable/apps/vn.chibo.Chibo.svg" -a \
    -f "$root/usr/share/metainfo/vn.chibo.Chibo.metainfo.xml"
  check "chibo --version says chibo $version" sh -c "[ \"\$(chroot --userspec=$user:$user '$root' /usr/bin/env -i HOME=$home /usr/bin/chibo --version)\" = 'chibo $version' ]"
  touch "$work/before-run"
  check "chibo demo (as a normal user)" as_user chibo demo
  check "the book is in ~/.local/share/chibo" test -f "$root$home/.local/share/chibo/chibo.sqlite"
  local session
  session="$(as_user chibo sessions list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"
  check "chibo print minutes $session" as_user chibo print minutes "$session" --out /tmp/bien-ban.pdf
  check "the minutes are a PDF that says BIÊN BẢN" sh -c "pdftotext '$root/tmp/bien-ban.pdf' - | grep -q 'BIÊN BẢN'"
  check "xvfb-run chibo --smoke: the window painted, the book shown, exit 0" \
    sh -c "chroot --userspec=$user:$user '$root' /usr/bin/env -i PATH=/usr/bin:/bin HOME=$home xvfb-run -a -s '-screen 0 1366x768x24' chibo --smoke | tee /dev/stderr | grep -q 'dữ liệu của sổ hiện sau'"
  check "nothing written under /usr/lib/chibo by running it (compiled ahead)" \
    sh -c "[ -z \"\$(find '$root/usr/lib/chibo' -newer '$work/before-run' | head -1)\" ]"

  say "upgrade: a book of the previous release (schema 0001), then the newer package over the older"
  as_user sh -c "rm -rf $home/.local/share/chibo && mkdir -p $home/.local/share/chibo"
  cp tests/data/book-0001.sqlite "$root$home/.local/share/chibo/chibo.sqlite" && chown $user:$user "$root$home/.local/share/chibo/chibo.sqlite"
  check "dpkg -i chibo_${version}-2 over ${version}-1" in_root dpkg -i "/tmp/$(basename "$newer")"
  check "the installed version is ${version}-2" sh -c "[ \"\$(chroot '$root' dpkg-query -W -f='\${Version}' chibo)\" = '${version}-2' ]"
  check "chibo opens the old book (members list)" as_user chibo members list
  check "backup before the upgrade, book migrated, every row kept" \
    python3 installer/check_upgrade.py tests/data/book-0001.sqlite "$root$home/.local/share/chibo"

  say "removal keeps the book"
  local digest
  digest="$(sha256sum "$root$home/.local/share/chibo/chibo.sqlite" | cut -d' ' -f1)"
  check "dpkg -r chibo" in_root dpkg -r chibo
  check "chibo is gone from PATH and /usr/lib" sh -c "[ ! -e '$root/usr/bin/chibo' ] && [ ! -e '$root/usr/lib/chibo' ]"
  check "dpkg -P chibo (purge)" in_root dpkg -P chibo
  check "the book is still there, unchanged" sh -c "[ \"\$(sha256sum '$root$home/.local/share/chibo/chibo.sqlite' | cut -d' ' -f1)\" = '$digest' ]"
  check "its backups too" sh -c "ls '$root$home/.local/share/chibo/backups/' | grep -q truoc-nang-cap-0001"

  say "cold start: the installed package against scripts/chibo.sh app's (.venv), same demo book, same X server"
  in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/$(basename "$newer")" >/dev/null
  as_user sh -c "rm -rf /tmp/bench-book && chibo --data-dir /tmp/bench-book demo --seed 1 >/dev/null"
  rm -rf "$work/bench-book" && cp -r "$root/tmp/bench-book" "$work/bench-book" && rm -f "$work/bench-book/chibo.lock"
  Xvfb :87 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
  sleep 1
  mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
  if bash scripts/chibo.sh setup >/dev/null 2>&1; then
    local runs="${SMOKE_RUNS:-5}"
    for mode in --cold ""; do
      python3 installer/startup.py --runs "$runs" $mode \
        --run "scripts/chibo.sh app (.venv)" "env DISPLAY=:87 $here/.venv/bin/chibo --data-dir $work/bench-book --smoke" \
        --run "installed .deb (/usr/bin/chibo)" "chroot --userspec=$user:$user $root /usr/bin/env -i PATH=/usr/bin:/bin HOME=$home DISPLAY=:87 chibo --data-dir /tmp/bench-book --smoke" \
        | tee -a "$work/startup-deb.txt" || fail "start-up measurement"
    done
  else
    fail "scripts/chibo.sh setup (for the comparison)"
  fi

  if command -v icewm >/dev/null; then
    say "the window as a person sees it (icewm draws the title bar and the taskbar): $work/window-deb.png"
    DISPLAY=:87 icewm >/dev/null 2>&1 & wm_pid=$!
    chroot --userspec=$user:$user "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=$home DISPLAY=:87 chibo --data-dir /tmp/bench-book &
    local app_pid=$!
    sleep 6
    DISPLAY=:87 QT_QPA_PLATFORM=xcb .venv/bin/python -c 'import sys; from PySide6.QtGui import QGuiApplication; \
app = QGuiApplication([]); sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)' "$work/window-deb.png"
    check "screenshot of the installed chibo's window" test -s "$work/window-deb.png"
    kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null
  fi
  finish
}

# ------------------------------------------------------------------------------------------ windows
install_wine() {
  command -v wine >/dev/null && return
  say "installing Debian's wine (64-bit, and 32-bit for the installer itself)"
  dpkg --add-architecture i386
  apt-get update -qq
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 wine32:i386 >/dev/null 2>&1; then
    # Where the security archive serves no i386 index, the i386 libraries exist only in the point
    # release, and multiarch wants both architectures at one version: take both from there.
    local sources; sources="$(mktemp -d)"
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' >"$sources/debian.sources"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o Dir::Etc::SourceList=/dev/null \
      -o Dir::Etc::SourceParts="$sources" wine wine64 wine32:i386 >/dev/null
  fi
}

smoke_windows() {
  USER="${USER:-$(id -un)}"
  local setup="dist/chibo-cai-dat-${version}.exe" portable="dist/chibo-di-dong-${version}.zip"
  [ -f "$setup" ] && [ -f "$portable" ] || { say "no $setup or $portable: run bash installer/build.sh windows"; exit 2; }
  need 7z p7zip-full; need pdftotext poppler-utils; need xvfb-run xvfb
  say "what the installer and the portable zip carry"
  check "every file of the build, at its size, in both; every DLL a binary loads is shipped or Windows'" \
    .venv/bin/python installer/windows/check_package.py "$setup" "$portable"
  .venv/bin/python installer/windows/check_package.py "$setup" "$portable" 2>/dev/null | grep -v '^PROBLEM' | sed 's/^/     /'

  install_wine
  export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  export WINEPREFIX="$work/wine64"
  local local_app="$WINEPREFIX/drive_c/users/$USER/AppData/Local"
  # wine reads a console program's output through a pipe (to a file, Python cannot set up its streams
  # under wine 8), and it passes no QT_* variable on: cmd /c sets those inside.
  wrun() { timeout "${WINE_TIMEOUT:-300}" wine "$@" </dev/null 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }
  rm -rf "$work/wine64" "$work/wine32"

  say "refusals: 32-bit Windows, Windows 7"
  WINEARCH=win32 WINEPREFIX="$work/wine32" wineboot -i >/dev/null 2>&1
  WINEARCH=win32 WINEPREFIX="$work/wine32" timeout 120 wine "$setup" /S </dev/null >/dev/null 2>&1
  local code=$?
  check "on 32-bit Windows the installer stops (exit 3) and installs nothing" \
    sh -c "[ $code -eq 3 ] && [ ! -e '$work/wine32/drive_c/users/$USER/AppData/Local/Programs/chibo' ]"
  wineboot -i >/dev/null 2>&1
  cp "$setup" "$WINEPREFIX/drive_c/setup.exe"
  winecfg -v win7 >/dev/null 2>&1
  timeout 120 wine 'C:\setup.exe' /S </dev/null >/dev/null 2>&1; code=$?
  check "on Windows 7 it stops (exit 4) and installs nothing" sh -c "[ $code -eq 4 ] && [ ! -e '$local_app/Programs/chibo' ]"
  winecfg -v win10 >/dev/null 2>&1

  # Stand-in for bcryptprimitives.dll, which every Windows 10 has and wine 8.0 lacks (test only).
  x86_64-w64-mingw32-gcc -O2 -s -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    installer/windows/wine/bcryptprimitives.c -ladvapi32 -Wl,--kill-at

  say "silent install on Windows 10 (wine), per user"
  timeout 300 wine 'C:\setup.exe' /S </dev/null >/dev/null 2>&1; code=$?
  local program="$local_app/Programs/chibo"
  check "setup /S exits 0" test "$code" -eq 0
  check "installed in %LOCALAPPDATA%\\Programs\\chibo (chibo.exe, chibo-console.exe, uninstall.exe, app\\)" \
    test -f "$program/chibo.exe" -a -f "$program/chibo-console.exe" -a -f "$program/uninstall.exe" -a -f "$program/app/python311.dll"
  check "Start-menu and desktop shortcuts" test -f "$WINEPREFIX/drive_c/users/$USER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/chibo.lnk" -a \
    -f "$WINEPREFIX/drive_c/users/$USER/Desktop/chibo.lnk"
  check "uninstall entry under HKCU with version $version" sh -c \
    "wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\chibo' /v DisplayVersion 2>/dev/null | tr -d '\r' | grep -q '$version'"

  local exe='C:\users\'"$USER"'\AppData\Local\Programs\chibo\chibo-console.exe'
  local python='C:\users\'"$USER"'\AppData\Local\Programs\chibo\app\python.exe'
  check "chibo-console --version says chibo $version" sh -c "[ \"\$(timeout 120 wine '$exe' --version </dev/null 2>&1 | tr -d '\r')\" = 'chibo $version' ]"
  check "the installed Python: app\\python.exe -m chibo --version" sh -c \
    "timeout 120 wine '$python' -m chibo --version </dev/null 2>&1 | tr -d '\r' | grep -qx 'chibo $version'"
  check "chibo demo (into %LOCALAPPDATA%\\chibo)" wrun "$python" -m chibo demo
  check "the book is in %LOCALAPPDATA%\\chibo" test -f "$local_app/chibo/chibo.sqlite"
  local session
  session="$(wrun "$exe" sessions list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"
  check "chibo print minutes $session" wrun "$python" -m chibo print minutes "$session" --out 'C:\bien-ban.pdf'
  check "the minutes are a PDF that says BIÊN BẢN" sh -c "pdftotext '$WINEPREFIX/drive_c/bien-ban.pdf' - | grep -q 'BIÊN BẢN'"
  check "--smoke with Qt's offscreen platform: painted, book shown, exit 0" sh -c \
    "timeout 300 wine cmd /c 'set QT_QPA_PLATFORM=offscreen&& $exe --smoke' </dev/null 2>&1 | tr -d '\r' | tee /dev/stderr | grep -q 'dữ liệu của sổ hiện sau'"
  local gui='C:\users\'"$USER"'\AppData\Local\Programs\chibo\chibo.exe'
  timeout 300 wine cmd /c "set QT_QPA_PLATFORM=offscreen&& start /wait \"\" $gui --smoke" </dev/null >/dev/null 2>&1; code=$?
  check "chibo.exe (what the shortcuts start; no console) --smoke, offscreen: exit 0" test "$code" -eq 0
  say "--smoke with Qt's windows platform on Xvfb (wine 8.0 lacks WinRT's UISettings, which Qt 6.9's windows plugin asks for)"
  WINEDEBUG=err+combase timeout 60 xvfb-run -a -s "-screen 0 1366x768x24" wine "$exe" --smoke </dev/null 2>&1 | tr -d '\r' |
    grep -E 'UISettings|Unhandled exception|dữ liệu của sổ' | head -3 | sed 's/^/     /'
  wineserver -k 2>/dev/null

  say "chibo open: the installer and the uninstaller stop (silently: Cancel), nothing changed"
  local dll_before; dll_before="$(sha256sum "$program/app/python311.dll")"
  (timeout 300 wine cmd /c "set QT_QPA_PLATFORM=offscreen&& $exe" </dev/null 2>&1 | cat >/dev/null &)
  for _ in $(seq 60); do pgrep -f '^C:.*chibo-console\.exe$' >/dev/null && break; sleep 1; done
  sleep 5
  timeout 120 wine 'C:\setup.exe' /S </dev/null >/dev/null 2>&1; code=$?
  check "setup /S while chibo is open stops (exit 5), its files untouched" \
    sh -c "[ $code -eq 5 ] && [ \"\$(sha256sum '$program/app/python311.dll')\" = '$dll_before' ]"
  timeout 120 wine "$program/uninstall.exe" /S "_?=C:\\users\\$USER\\AppData\\Local\\Programs\\chibo" </dev/null >/dev/null 2>&1; code=$?
  check "uninstall /S while chibo is open stops (exit 5), chibo still installed" \
    sh -c "[ $code -eq 5 ] && [ -f '$program/chibo.exe' ] && [ -f '$program/app/python311.dll' ]"
  wineserver -k 2>/dev/null; wineserver -w

  say "upgrade: a book of the previous release (schema 0001); a newer installer (${version}.1, zlib) over the installed chibo"
  local newer="$work/chibo-cai-dat-newer.exe"
  .venv/bin/python -c 'import sys; from pathlib import Path; sys.path.insert(0, "installer/windows"); import build; \
build.installer(Path(sys.argv[1]), version=sys.argv[2], fast=True)' "$newer" "${version}.1" && cp "$newer" "$WINEPREFIX/drive_c/setup-newer.exe"
  rm -rf "$local_app/chibo" && mkdir -p "$local_app/chibo" && cp tests/data/book-0001.sqlite "$local_app/chibo/chibo.sqlite"
  printf 'raise SystemExit("a module of the older release")\n' >"$program/app/lib/chibo/_gone_in_newer.py"
  timeout 300 wine 'C:\setup-newer.exe' /S </dev/null >/dev/null 2>&1; code=$?
  check "the newer setup /S over the installed chibo exits 0" test "$code" -eq 0
  check "the uninstall entry says ${version}.1" sh -c \
    "wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\chibo' /v DisplayVersion 2>/dev/null | tr -d '\r' | grep -q '${version}.1'"
  check "no file of the older release left in app\\" test ! -e "$program/app/lib/chibo/_gone_in_newer.py"
  check "chibo opens the old book (members list)" wrun "$exe" members list
  check "backup before the upgrade, book migrated, every row kept" python3 installer/check_upgrade.py tests/data/book-0001.sqlite "$local_app/chibo"

  say "uninstall keeps the book"
  local digest; digest="$(sha256sum "$local_app/chibo/chibo.sqlite" | cut -d' ' -f1)"
  timeout 300 wine "$program/uninstall.exe" /S </dev/null >/dev/null 2>&1; wineserver -w
  check "program folder, shortcuts and uninstall entry removed" sh -c "[ ! -e '$program/chibo.exe' ] && [ ! -e '$program/app' ] && \
    [ ! -e '$WINEPREFIX/drive_c/users/$USER/Desktop/chibo.lnk' ] && ! wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\chibo' >/dev/null 2>&1"
  check "the book and its backups are still there, unchanged" sh -c \
    "[ \"\$(sha256sum '$local_app/chibo/chibo.sqlite' | cut -d' ' -f1)\" = '$digest' ] && ls '$local_app/chibo/backups' | grep -q truoc-nang-cap-0001"

  say "the portable copy on a 'USB stick' (a folder mounted as drive E:)"
  local stick="$work/usb"
  rm -rf "$stick" && mkdir -p "$stick" && (cd "$stick" && python3 -m zipfile -e "$here/$portable" .)
  ln -sfn "$stick" "$WINEPREFIX/dosdevices/e:"
  local before; before="$(find "$local_app/chibo" -type f | sort | xargs sha256sum | sha256sum)"
  check "E:\\chibo\\chibo-console.exe demo" wrun 'E:\chibo\chibo-console.exe' demo
  check "its book is E:\\chibo\\du-lieu, logs beside it" test -f "$stick/chibo/du-lieu/chibo.sqlite" -a -d "$stick/chibo/du-lieu/logs"
  check "nothing of the PC's chibo folder touched" sh -c "[ \"\$(find '$local_app/chibo' -type f | sort | xargs sha256sum | sha256sum)\" = '$before' ]"

  say "start-up under wine (offscreen), from wine's spawn to the first paint and to the end"
  python3 installer/startup.py --runs "${SMOKE_RUNS:-3}" \
    --run "portable copy under wine" 'wine cmd /c set QT_QPA_PLATFORM=offscreen&& E:\\chibo\\chibo-console.exe --smoke' |
    tee "$work/startup-wine.txt" | sed 's/^/     /' || fail "start-up under wine"
  wineserver -k 2>/dev/null
  finish
}

mkdir -p "$work"
case "$what" in
  deb) smoke_deb ;;
  windows) smoke_windows ;;
  *) say "Dùng: bash installer/smoke.sh deb|windows"; exit 2 ;;
esac
