#!/usr/bin/env bash
# Installs what Steward needs on a fresh Debian machine with the Swift toolchain:
# libcurl's development files (the HTTP adapters), pkg-config (to find them) and Snowball's
# libstemmer (stemming for the knowledge base).
set -euo pipefail
missing=()
dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || missing+=(libcurl4-openssl-dev)
dpkg -s libstemmer-dev >/dev/null 2>&1 || missing+=(libstemmer-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi
command -v swift >/dev/null 2>&1 || { echo "swift is not on PATH: install the Swift 6.3 toolchain first" >&2; exit 1; }
