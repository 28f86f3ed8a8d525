using System.IO;

namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>A real guest the EL2 monitor boots: a firmware or kernel image from a Debian package and how to enter it.</summary>
/// <param name="Name">Its name in test output.</param>
/// <param name="Image">The image's path, as the package installs it.</param>
/// <param name="Package">The Debian package that installs it.</param>
/// <param name="Aarch64">Whether it runs in AArch64 at EL1 (else AArch32).</param>
/// <param name="LoadAddress">Where QEMU loads the image (0: the flash, where U-Boot runs from).</param>
/// <param name="Spsr">SPSR_EL2 it is entered with.</param>
/// <param name="Console">What is typed on its console (stops U-Boot's autoboot, then powers off).</param>
/// <param name="Finished">What its console shows once it has done all it is asked to.</param>
public sealed record RealGuest(string Name, string Image, string Package, bool Aarch64, ulong LoadAddress, ulong Spsr, string Console, string Finished)
{
    /// <summary>EL1h with D, A, I and F masked.</summary>
    private const ulong El1h = 0x3c5;

    /// <summary>AArch32 Supervisor mode with A, I and F masked.</summary>
    private const ulong Aarch32Supervisor = 0x1d3;

    /// <summary>
    /// U-Boot's keys: newlines stop its autoboot (one of the first can be lost to its start-up; an empty line at
    /// the prompt repeats nothing yet), then <c>poweroff</c>, a PSCI SYSTEM_OFF.
    /// </summary>
    private const string UBootKeys = "\n\n\npoweroff\n";

    /// <summary>U-Boot for QEMU's virt board, AArch64.</summary>
    public static RealGuest UBootAarch64 { get; } =
        new("u-boot-aarch64", "/usr/lib/u-boot/qemu_arm64/u-boot.bin", "u-boot-qemu", Aarch64: true, 0, El1h, UBootKeys, "poweroff ...");

    /// <summary>U-Boot for QEMU's virt board, AArch32: the seed's own case, a 32-bit guest whose cp15 writes trap.</summary>
    public static RealGuest UBootAarch32 { get; } =
        new("u-boot-aarch32", "/usr/lib/u-boot/qemu_arm/u-boot.bin", "u-boot-qemu", Aarch64: false, 0, Aarch32Supervisor, UBootKeys, "poweroff ...");

    /// <summary>Gets whether the image is installed.</summary>
    public bool IsInstalled => File.Exists(Image);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
