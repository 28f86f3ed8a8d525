using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// An instruction an EL2 trap control traps that accesses no register (a row of Tables/trapped-instructions.table):
/// WFI, WFE, WFIT and WFET (EC 0x01, under HCR_EL2.TWI and TWE) and SMC (EC 0x13, 0x17, under TSC). Its class's key
/// fields identify it in a syndrome: WFIT reports TI 0b10 and RV 1.
/// </summary>
public sealed class TrappedInstruction
{
    /// <summary>Creates one; Tables/trapped-instructions.table's rows are the only callers.</summary>
    /// <param name="trapClass">The class that reports it.</param>
    /// <param name="name">Its name: <c>WFI</c>.</param>
    /// <param name="key">The value of each of <paramref name="trapClass"/>'s key fields, by the field's name; a field not named is 0.</param>
    /// <param name="takesRegister">True when it names a register the syndrome reports in the class's <see cref="TrapClass.Rt"/> field (WFIT's Xt).</param>
    /// <param name="takesAddress">True when it names the base register of an address, which the syndrome reports in the class's <see cref="TrapClass.Rn"/> field (GCSSTR's Xn|SP).</param>
    /// <param name="needs">The feature that makes it exist, or null for every CPU.</param>
    /// <param name="traps">The controls that trap it, in the order its pseudocode checks them.</param>
    public TrappedInstruction(TrapClass trapClass, string name, IReadOnlyList<(string Field, int Value)> key, bool takesRegister, bool takesAddress, string? needs, IReadOnlyList<TrapRule> traps)
    {
        Class = trapClass ?? throw new ArgumentNullException(nameof(trapClass));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        KeyValues = [.. trapClass.KeyFields.Select(field => key.FirstOrDefault(pair => pair.Field == field.Name).Value)];
        KeyFieldsNamed = [.. key.Select(pair => pair.Field)];
        Key = trapClass.Key(KeyValues);
        TakesRegister = takesRegister;
        TakesAddress = takesAddress;
        Needs = needs;
        Traps = traps ?? throw new ArgumentNullException(nameof(traps));
    }

    /// <summary>Gets the class that reports it.</summary>
    public TrapClass Class { get; }

    /// <summary>Gets its name, as the Arm ARM writes it: <c>WFI</c>, <c>SMC</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the values of its class's key fields, in their order.</summary>
    public IReadOnlyList<int> KeyValues { get; }

    /// <summary>Gets the key fields its row names, as written: each must be one of its class's (a test holds the table to it).</summary>
    public IReadOnlyList<string> KeyFieldsNamed { get; }

    /// <summary>Gets its key: the ISS bits of its class's key fields, as a trap of it reports them.</summary>
    public uint Key { get; }

    /// <summary>Gets whether it names a register the syndrome reports (WFIT's and WFET's Xt, in RN).</summary>
    public bool TakesRegister { get; }

    /// <summary>Gets whether it names the base register of an address the syndrome reports (GCSSTR's and GCSSTTR's Xn|SP, in Raddr).</summary>
    public bool TakesAddress { get; }

    /// <summary>Gets the feature that makes it exist (<c>FEAT_WFxT</c>), or null for every CPU.</summary>
    public string? Needs { get; }

    /// <summary>Gets the controls that trap it, in its pseudocode's order; each traps it whatever its direction.</summary>
    public IReadOnlyList<TrapRule> Traps { get; }

    /// <summary>Gets whether it exists on <paramref name="model"/>.</summary>
    public bool ExistsOn(CpuModel model) => Needs is null || (model ?? throw new ArgumentNullException(nameof(model))).Satisfies(Needs);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
