#!/usr/bin/env bash
# Installs what Jiangping needs to build, run and test on Debian 12, only what is missing.
# Uses sudo when not root. Also generates the zh_CN.UTF-8 locale the program starts in.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext appstream desktop-file-utils
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpoppler-glib-dev libhpdf-dev libsoup-3.0-dev
  libjson-glib-dev libarchive-dev libgdk-pixbuf-2.0-dev libgnutls28-dev nettle-dev
  libfontconfig-dev libicu-dev libqrencode-dev libxlsxwriter-dev libx11-dev libxtst-dev
  # TLS for GIO (the meeting's HTTPS): without it the host cannot serve
  glib-networking
  # fonts: Song and Kai for printed documents, Noto CJK for the interface
  fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-ukai fonts-arphic-uming
  fonts-wqy-zenhei fonts-noto-cjk
  # running and testing without a display
  xvfb xauth dbus dbus-bin locales poppler-utils poppler-data
  # the accessibility test: the AT-SPI bus and its Python bindings, screenshots of the display
  at-spi2-core python3-pyatspi python3-dogtail imagemagick
)

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  echo "Generating the zh_CN.UTF-8 locale"
  if grep -q '^# *zh_CN.UTF-8' /etc/locale.gen 2>/dev/null; then
    "${sudo[@]}" sed -i 's/^# *\(zh_CN.UTF-8\)/\1/' /etc/locale.gen
  elif ! grep -q '^zh_CN.UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'zh_CN.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  fi
  "${sudo[@]}" locale-gen >/dev/null
fi
