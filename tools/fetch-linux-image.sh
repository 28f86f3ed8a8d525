#!/usr/bin/env bash
# Fetches Debian's newest linux-image-6.1.0-*-cloud-arm64 and writes its uncompressed kernel Image to $1: the real
# guest the EL2 monitor boots on QEMU (tests/TrapGen.Testing/Qemu/Monitor). Needs root: it adds the arm64
# architecture to dpkg (for apt's package lists; nothing of arm64 is installed). Usage: fetch-linux-image.sh OUTPUT
set -euo pipefail
output="$1"
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
timeout 300 apt-get update -qq
package=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-cloud-arm64$' | cut -d' ' -f1 | sort -V | tail -1)
[ -n "$package" ] || { echo "fetch-linux-image.sh: apt knows no linux-image-6.1.0-*-cloud-arm64" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && timeout 600 apt-get download -qq "$package:arm64" 2>&1 | grep -v "unsandboxed as root" || true)
ls "$work"/*.deb >/dev/null
dpkg-deb -x "$work"/*.deb "$work/x"
mkdir -p "$(dirname "$output")"
cp "$work"/x/boot/vmlinuz-* "$output"
echo "fetch-linux-image.sh: $package -> $output"
