#!/usr/bin/env bash
# Runs every test of TrapGen on a fresh Debian machine: installs what the suite needs when it is missing,
# then runs `dotnet test TrapGen.sln` (arguments are passed on, e.g. --filter). Run from anywhere:
#   bash test.sh
#
# What the suite needs besides the .NET 10 SDK:
# - GNU binutils for AArch64 and AArch32 (aarch64-linux-gnu-as, arm-linux-gnueabihf-as, objdump): they
#   assemble and disassemble every catalogued system instruction, the independent check of TrapGen's
#   encodings;
# - qemu-system-aarch64 (Debian's qemu-system-arm): the differential tests run a bare-metal EL2 probe on
#   QEMU's cortex-a57 and compare every trap decision with TrapGen's emulated CPU;
# - git: the reproducible-build test snapshots the tree into two repositories;
# - chromium (Debian's): the web decoder's browser tests drive it with Playwright, which downloads no browser;
# - clang and zlib1g-dev: the CLI tests publish trapgen with Native AOT once, which links with them, and
#   check that it prints what the JIT build prints;
# - u-boot-qemu and qemu-efi-aarch64: real guests (U-Boot for QEMU's virt board, AArch64 and AArch32, and EDK2)
#   boot under an EL2 monitor on QEMU, and TrapGen replays every trap they take.
# The web decoder is published first (artifacts/web, as it is deployed) and its browser tests run against it.
# Installing needs root (apt-get); when a tool is missing and this is not root, it says which and stops.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v aarch64-linux-gnu-as >/dev/null || missing+=(binutils-aarch64-linux-gnu)
command -v arm-linux-gnueabihf-as >/dev/null || missing+=(binutils-arm-linux-gnueabihf)
command -v qemu-system-aarch64 >/dev/null || missing+=(qemu-system-arm)
command -v git >/dev/null || missing+=(git)
command -v chromium >/dev/null || missing+=(chromium)
command -v clang >/dev/null || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ -e /usr/lib/u-boot/qemu_arm64/u-boot.bin ] || missing+=(u-boot-qemu)
[ -e /usr/share/qemu-efi-aarch64/QEMU_EFI.fd ] || missing+=(qemu-efi-aarch64)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the tests need ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run this as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A Linux kernel for the real-guest boots: Debian's arm64 cloud kernel (about 21 MB), whose package ships the
# uncompressed Image as vmlinuz-*. It is no package of this machine's architecture: fetched once into artifacts/guests.
linux_image="$PWD/artifacts/guests/linux-arm64.Image"
if [ ! -e "$linux_image" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the Linux boot test needs $linux_image; run this as root once to fetch it" >&2
  elif ! bash tools/fetch-linux-image.sh "$linux_image"; then
    echo "test.sh: could not fetch Debian's linux-image-6.1.0-*-cloud-arm64; the Linux boot test will fail" >&2
  fi
fi
export TRAPGEN_LINUX_IMAGE="$linux_image"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf artifacts/web   # a publish into an old one leaves the old fingerprinted files beside the new
dotnet publish web/TrapGen.Web -c Release -o artifacts/web --nologo -v quiet
export TRAPGEN_WEB_SITE="$PWD/artifacts/web/wwwroot"
dotnet test TrapGen.sln "$@"
