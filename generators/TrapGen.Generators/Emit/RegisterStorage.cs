using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Where a handler finds a register's value: the register file (passthrough), the runtime's emulator
/// (emulated) or nowhere (RAZ/WI). Gives the C# expressions that load and store the whole register.
/// </summary>
internal sealed class RegisterStorage(RegisterDefinition register)
{
    private static readonly string Halves = GeneratedNames.RegisterHalves;

    public RegisterDefinition Register => register;

    public bool IsRazWi => register.Handling == RegisterHandling.RazWi;

    /// <summary>An expression of the whole register's value.</summary>
    public string Load => register.Handling switch
    {
        RegisterHandling.Passthrough => "Registers()." + register.Name,
        RegisterHandling.Emulated => "Read" + register.Emulator + "()",
        RegisterHandling.Constant when register.Width == 64 => CSharpLiterals.Hex64(register.Value ?? 0),
        RegisterHandling.Constant => CSharpLiterals.Hex32(register.Value ?? 0),
        RegisterHandling.Sanitised => Sanitised,
        _ => register.Width == 64 ? "0UL" : "0u",
    };

    /// <summary>
    /// The hardware's value as the guest sees it: the overridden fields cleared and set to the catalogue's
    /// values (both constants come from the fields' (lsb, width)), or the value as it is when none is overridden.
    /// </summary>
    private string Sanitised => register.OverriddenMask == 0
        ? "Registers()." + register.Name
        : register.Width == 64
            ? "(Registers()." + register.Name + " & ~" + CSharpLiterals.Hex64(register.OverriddenMask) + ") | " + CSharpLiterals.Hex64(register.OverriddenValue)
            : "(Registers()." + register.Name + " & ~" + CSharpLiterals.Hex32(register.OverriddenMask) + ") | " + CSharpLiterals.Hex32(register.OverriddenValue);

    /// <summary>A statement that stores <paramref name="value"/> (of the register's width) into the whole register.</summary>
    public string? Store(string value) => register.Handling switch
    {
        RegisterHandling.Passthrough => "Registers()." + register.Name + " = " + value + ";",
        RegisterHandling.Emulated => "Write" + register.Emulator + "(" + value + ");",
        _ => null,
    };

    /// <summary>An expression of bits [31:0] or [63:32].</summary>
    public string LoadHalf(RegisterView half) => register.Handling == RegisterHandling.Passthrough
        ? "Registers()." + register.Name + "_" + half
        : Halves + "." + half + "(" + Load + ")";

    /// <summary>A statement that replaces bits [31:0] or [63:32] with <paramref name="value"/>, keeping the other half.</summary>
    public string? StoreHalf(RegisterView half, string value) => register.Handling == RegisterHandling.Passthrough
        ? "Registers()." + register.Name + "_" + half + " = " + value + ";"
        : Store(Halves + ".With" + half + "(" + Load + ", " + value + ")");

    /// <summary>The statement that runs the after-write hook, or null.</summary>
    public string? AfterWrite => register.AfterWrite is { } hook ? hook + "(" + Load + ");" : null;
}
