using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// One CPU the emulated CPU can be (a model of Tables/cpu-models.table): its identification and feature ID
/// registers' values, its caches and its IMPLEMENTATION DEFINED registers. Everything else is derived from
/// those values as the architecture defines it: which features it has (Tables/features.table), so which
/// registers and System instructions exist on it (Tables/register-requirements.table), how many breakpoints
/// and watchpoints it has (ID_AA64DFR0_EL1.BRPs and WRPs), and whether EL1 can run AArch32
/// (ID_AA64PFR0_EL1.EL1).
/// </summary>
public sealed class CpuModel
{
    private readonly Dictionary<string, ulong> values;

    private readonly HashSet<string> features;

    /// <summary>
    /// The feature conditions already evaluated (FEAT_X|FEAT_Y, ...): the tables have a few hundred, and a trap decision
    /// asks one on every access, so each is split and looked up once, not on every call.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> featureConditions = new(StringComparer.Ordinal);

    private readonly Func<string, bool> evaluateFeatureCondition;

    private readonly HashSet<Aarch64Encoding> implementationDefined;

    private readonly HashSet<Aarch32Encoding> aarch32ImplementationDefined;

    private readonly Dictionary<string, WriteMask> writeMasks;

    /// <summary>Creates a model; the tables' generator calls this for each model.</summary>
    /// <param name="name">Its name, as QEMU's <c>-cpu</c> spells it: <c>cortex-a57</c>.</param>
    /// <param name="description">What it is and where its values come from.</param>
    /// <param name="registers">Its identification registers' values (MIDR_EL1, ID_AA64PFR0_EL1, CLIDR_EL1, ...).</param>
    /// <param name="caches">Its caches' CCSIDR_EL1 values.</param>
    /// <param name="implementationDefined">Its IMPLEMENTATION DEFINED registers, with their TRM names.</param>
    /// <param name="aarch32ImplementationDefined">Its IMPLEMENTATION DEFINED cp15 registers, with their TRM names.</param>
    /// <param name="storedBits">
    /// For registers where this implementation stores reserved bits (the Arm ARM lets a RES0 or RES1 bit of a
    /// read-write register either be fixed or store what is written): the bits a write stores. Null or empty
    /// for an implementation whose reserved bits are all fixed.
    /// </param>
    public CpuModel(
        string name,
        string description,
        IReadOnlyList<(string Register, ulong Value)> registers,
        IReadOnlyList<CacheSizeId> caches,
        IReadOnlyList<(Aarch64Encoding Encoding, string Name)> implementationDefined,
        IReadOnlyList<(Aarch32Encoding Encoding, string Name)> aarch32ImplementationDefined,
        IReadOnlyList<(string Register, ulong Bits)>? storedBits = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Description = description ?? string.Empty;
        Registers = registers ?? throw new ArgumentNullException(nameof(registers));
        Caches = caches ?? throw new ArgumentNullException(nameof(caches));
        ImplementationDefined = implementationDefined ?? throw new ArgumentNullException(nameof(implementationDefined));
        values = registers.ToDictionary(r => r.Register, r => r.Value, StringComparer.Ordinal);
        features = new HashSet<string>(Features.Names.Where(f => Features.Of(f).Any(field => values.TryGetValue(field.Register, out var value) && field.IsReportedBy(value))), StringComparer.Ordinal);
        evaluateFeatureCondition = EvaluateFeatureCondition;
        this.implementationDefined = new HashSet<Aarch64Encoding>(implementationDefined.Select(r => r.Encoding));
        Aarch32ImplementationDefined = aarch32ImplementationDefined ?? throw new ArgumentNullException(nameof(aarch32ImplementationDefined));
        this.aarch32ImplementationDefined = new HashSet<Aarch32Encoding>(aarch32ImplementationDefined.Select(r => r.Encoding));
        Breakpoints = Count(values, "ID_AA64DFR0_EL1", "BRPs");
        ContextBreakpoints = Count(values, "ID_AA64DFR0_EL1", "CTX_CMPs");
        EventCounters = Has("FEAT_PMUv3") && values.TryGetValue(PmcrEl0.Name, out var pmcr) ? (int)PmcrEl0.N.Extract(pmcr) : 0;
        Watchpoints = Count(values, "ID_AA64DFR0_EL1", "WRPs");
        HasAarch32El1 = RegisterFields.Find("ID_AA64PFR0_EL1", "EL1") is { } el1 && values.TryGetValue("ID_AA64PFR0_EL1", out var pfr0) && el1.Extract(pfr0) == 2;
        StoredBits = storedBits ?? [];
        writeMasks = WriteMasks.Registers.ToDictionary(r => r, r => WriteMasks.For(r, Satisfies), StringComparer.Ordinal);
        foreach (var (register, bits) in StoredBits)
        {
            var architectural = writeMasks.TryGetValue(register, out var mask) ? mask : WriteMask.All;
            writeMasks[register] = architectural.Storing(bits);
        }
    }

    /// <summary>Gets, for each register where this implementation stores reserved bits, the bits a write stores (cpu-models.table's STORES rows).</summary>
    public IReadOnlyList<(string Register, ulong Bits)> StoredBits { get; }

    /// <summary>Gets the model's name: <c>cortex-a57</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what it is and where its values come from.</summary>
    public string Description { get; }

    /// <summary>Gets the identification registers' values, in table order.</summary>
    public IReadOnlyList<(string Register, ulong Value)> Registers { get; }

    /// <summary>Gets the caches' CCSIDR_EL1 values.</summary>
    public IReadOnlyList<CacheSizeId> Caches { get; }

    /// <summary>Gets its IMPLEMENTATION DEFINED registers.</summary>
    public IReadOnlyList<(Aarch64Encoding Encoding, string Name)> ImplementationDefined { get; }

    /// <summary>Gets its IMPLEMENTATION DEFINED cp15 registers.</summary>
    public IReadOnlyList<(Aarch32Encoding Encoding, string Name)> Aarch32ImplementationDefined { get; }

    /// <summary>Gets the features its ID registers report, in the order features.table names them.</summary>
    public IReadOnlyList<string> FeatureNames => [.. Features.Names.Where(features.Contains)];

    /// <summary>Gets how many breakpoints it has (ID_AA64DFR0_EL1.BRPs + 1).</summary>
    public int Breakpoints { get; }

    /// <summary>Gets how many of its breakpoints are context-aware, the highest-numbered ones (ID_AA64DFR0_EL1.CTX_CMPs + 1).</summary>
    public int ContextBreakpoints { get; }

    /// <summary>Gets how many PMU event counters it has (PMCR_EL0.N, bits [15:11]; 0 without FEAT_PMUv3).</summary>
    public int EventCounters { get; }

    /// <summary>Gets how many watchpoints it has (ID_AA64DFR0_EL1.WRPs + 1).</summary>
    public int Watchpoints { get; }

    /// <summary>Gets whether EL1 can run AArch32 (ID_AA64PFR0_EL1.EL1 is 0b0010).</summary>
    public bool HasAarch32El1 { get; }

    /// <summary>Gets the value of an identification register, or null when the table gives none.</summary>
    public ulong? ValueOf(string register) => values.TryGetValue(register ?? string.Empty, out var value) ? value : null;

    /// <summary>Gets whether the model has <paramref name="feature"/> (FEAT_CCIDX).</summary>
    public bool Has(string feature) => features.Contains(feature ?? string.Empty);

    /// <summary>Gets whether <paramref name="register"/> exists on this CPU.</summary>
    public bool Implements(Aarch64Register register) => Satisfies(Requirements.Of(register));

    /// <summary>Gets whether <paramref name="register"/> exists on this CPU (an AArch32 register needs AArch32 at EL1 too).</summary>
    public bool Implements(Aarch32Register register) => HasAarch32El1 && Satisfies(Requirements.Of(register));

    /// <summary>Gets whether <paramref name="instruction"/> exists on this CPU.</summary>
    public bool Implements(SystemInstruction instruction) => Satisfies(Requirements.Of(instruction));

    /// <summary>Gets whether the IMPLEMENTATION DEFINED encoding <paramref name="encoding"/> is one of its registers.</summary>
    public bool Implements(Aarch64Encoding encoding) => implementationDefined.Contains(encoding);

    /// <summary>Gets whether the IMPLEMENTATION DEFINED cp15 encoding <paramref name="encoding"/> is one of its registers.</summary>
    public bool Implements(Aarch32Encoding encoding) => HasAarch32El1 && aarch32ImplementationDefined.Contains(encoding);

    /// <summary>
    /// Gets what a write to the AArch64 register <paramref name="register"/> keeps on this CPU
    /// (Tables/register-write-masks.table): the bits of the fields that exist here are writable; an absent
    /// field reads as the architecture says (RES0 as 0, RES1 as 1), and so does every bit no field names,
    /// unless this implementation stores that register's reserved bits (<see cref="StoredBits"/>: QEMU's
    /// models do, in SCTLR_EL1, TCR_EL1, the TTBRs, CONTEXTIDR_EL1, ESR_EL1, CPACR_EL1, CNTKCTL_EL1 and VBAR_EL1). A
    /// register the table does not describe keeps every bit (<see cref="WriteMask.All"/>). An AArch32 view's
    /// mask is its AArch64 register's, through the view (<see cref="WriteMask.Keep(RegisterView, int, ulong, ulong)"/>).
    /// </summary>
    public WriteMask WriteMaskOf(string register) => writeMasks.TryGetValue(register ?? string.Empty, out var mask) ? mask : WriteMask.All;

    /// <summary>
    /// Gets what the AArch64 register <paramref name="register"/> holds after <paramref name="written"/> is written
    /// to it on this CPU (<see cref="WriteMaskOf"/>): on QEMU's Cortex-A57, which stores SCTLR_EL1's reserved bits
    /// but clears its MTE fields, Linux's SCTLR_EL1 = 0x0200002034f4d91d keeps 0x0200000034f4d91d (ITFSB [37],
    /// FEAT_MTE2, cleared); a CPU whose reserved bits are fixed would clear EPAN [57] (FEAT_PAN3) and IESB [21]
    /// (FEAT_IESB) too. Every bit of a register the table does not describe is kept. No bit depends on the value before the write: each bit either stores what is written or is fixed.
    /// </summary>
    public ulong Keep(string register, ulong written) => WriteMaskOf(register).Keep(written);

    /// <summary>Gets CCSIDR_EL1 when CSSELR_EL1 is <paramref name="selection"/>, or null for a cache it does not have.</summary>
    public ulong? CacheSizeIdOf(ulong selection) => Caches.FirstOrDefault(c => c.Selection == (selection & 0xF))?.Value;

    /// <summary>Gets whether a condition of register-requirements.table holds on this CPU; null holds everywhere.</summary>
    public bool Satisfies(string? condition)
    {
        if (condition is null)
        {
            return true;
        }

        if (condition == "NEVER")
        {
            return false;
        }

        if (condition.StartsWith("CTX:", StringComparison.Ordinal))
        {
            var breakpoint = int.Parse(condition.Substring(4), System.Globalization.CultureInfo.InvariantCulture);
            return breakpoint < Breakpoints && breakpoint >= Breakpoints - ContextBreakpoints;
        }

        if (condition.StartsWith("BRP>", StringComparison.Ordinal) || condition.StartsWith("WRP>", StringComparison.Ordinal) || condition.StartsWith("PMN>", StringComparison.Ordinal))
        {
            var n = int.Parse(condition.Substring(4), System.Globalization.CultureInfo.InvariantCulture);
            return (condition[0] switch { 'B' => Breakpoints, 'W' => Watchpoints, _ => EventCounters }) > n;
        }

        return featureConditions.GetOrAdd(condition, evaluateFeatureCondition);
    }

    /// <summary>
    /// Evaluates a condition of features: FEAT_X, FEAT_X&amp;FEAT_Y (all of them), FEAT_X|FEAT_Y (any of them), or a sum of
    /// such products, &amp; before |: FEAT_FGT&amp;FEAT_CSV2_2|FEAT_FGT&amp;FEAT_CSV2_1p2.
    /// </summary>
    private bool EvaluateFeatureCondition(string condition) =>
        condition.Split('|').Any(product => product.Split('&').All(Has));

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static int Count(Dictionary<string, ulong> values, string register, string field) =>
        RegisterFields.Find(register, field) is { } bits && values.TryGetValue(register, out var value) ? (int)bits.Extract(value) + 1 : 0;
}
