using System.Collections.Generic;
using System.IO;

namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>A real guest the EL2 monitor boots: a firmware or kernel image from a Debian package and how to enter it.</summary>
/// <param name="Name">Its name in test output.</param>
/// <param name="Image">The image's path, as the package installs it.</param>
/// <param name="Package">The Debian package that installs it.</param>
/// <param name="Aarch64">Whether it runs in AArch64 at EL1 (else AArch32).</param>
/// <param name="LoadAddress">Where QEMU loads the image (0: the flash, where U-Boot runs from).</param>
/// <param name="Spsr">SPSR_EL2 it is entered with.</param>
/// <param name="Console">What is typed on its console, prompt by prompt: at the end, what powers the machine off.</param>
/// <param name="Finished">What its console shows once it has done all it is asked to.</param>
/// <param name="CommandLine">A kernel's command line (QEMU's <c>-append</c>, in the device tree's /chosen), or null.</param>
public sealed record RealGuest(string Name, string Image, string Package, bool Aarch64, ulong LoadAddress, ulong Spsr, IReadOnlyList<ConsoleStep> Console, string Finished, string? CommandLine = null)
{
    /// <summary>
    /// The variable that names the Linux kernel's uncompressed Image: test.sh fetches Debian's arm64 cloud kernel and
    /// sets it (the kernel is no package of this machine's architecture).
    /// </summary>
    public const string LinuxImageVariable = "TRAPGEN_LINUX_IMAGE";

    /// <summary>EL1h with D, A, I and F masked.</summary>
    private const ulong El1h = 0x3c5;

    /// <summary>AArch32 Supervisor mode with A, I and F masked.</summary>
    private const ulong Aarch32Supervisor = 0x1d3;

    /// <summary>U-Boot's console: a key stops its autoboot, then <c>poweroff</c> at its prompt, a PSCI SYSTEM_OFF.</summary>
    private static readonly ConsoleStep[] UBootKeys = [new("Hit any key to stop autoboot", "\n"), new("=> ", "poweroff\n")];

    /// <summary>
    /// EDK2's console: a key skips the UEFI Shell's 5 s wait for startup.nsh (a busy wait, the longest part of the boot
    /// under -icount), then <c>reset -s</c> (shut down, a PSCI SYSTEM_OFF) at its prompt.
    /// </summary>
    private static readonly ConsoleStep[] ShellKeys = [new("seconds to skip", "\r"), new("Shell> ", "reset -s\r")];

    /// <summary>U-Boot for QEMU's virt board, AArch64.</summary>
    public static RealGuest UBootAarch64 { get; } =
        new("u-boot-aarch64", "/usr/lib/u-boot/qemu_arm64/u-boot.bin", "u-boot-qemu", Aarch64: true, 0, El1h, UBootKeys, "poweroff ...");

    /// <summary>U-Boot for QEMU's virt board, AArch32: the seed's own case, a 32-bit guest whose cp15 writes trap.</summary>
    public static RealGuest UBootAarch32 { get; } =
        new("u-boot-aarch32", "/usr/lib/u-boot/qemu_arm/u-boot.bin", "u-boot-qemu", Aarch64: false, 0, Aarch32Supervisor, UBootKeys, "poweroff ...");

    /// <summary>EDK2 (ArmVirtQemu) from its flash image, to the UEFI Shell, then shut down.</summary>
    public static RealGuest Edk2 { get; } =
        new("edk2", "/usr/share/qemu-efi-aarch64/QEMU_EFI.fd", "qemu-efi-aarch64", Aarch64: true, 0, El1h, ShellKeys, "Shell> ");

    /// <summary>
    /// Linux 6.1 (Debian's arm64 cloud kernel), entered as a boot loader enters it: at its Image, 2 MB into RAM, with x0 the
    /// device tree. With no root file system it panics where it looks for one, and <c>panic=-1</c> resets the machine,
    /// which QEMU's -no-reboot turns off. <c>nokaslr</c> keeps its addresses, and so its trap stream, the same each run.
    /// </summary>
    public static RealGuest Linux { get; } =
        new(
            "linux",
            System.Environment.GetEnvironmentVariable(LinuxImageVariable) ?? "(" + LinuxImageVariable + " is not set)",
            "linux-image-6.1.0-*-cloud-arm64:arm64 (test.sh fetches it and sets " + LinuxImageVariable + ")",
            Aarch64: true,
            0x4020_0000,
            El1h,
            [],
            "VFS: Unable to mount root fs",
            "console=ttyAMA0 nokaslr panic=-1");

    /// <summary>Gets whether the image is installed.</summary>
    public bool IsInstalled => File.Exists(Image);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
