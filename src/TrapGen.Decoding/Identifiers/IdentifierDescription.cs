using System.Collections.Generic;

namespace TrapGen.Decoding;

/// <summary>
/// A decoded identifier that is not a syndrome: a MIDR_EL1 value or an SMCCC function ID, as
/// <c>trapgen decode --midr</c> and <c>--smccc</c> print it (one JSON object a line with <c>--json</c>).
/// </summary>
/// <param name="Kind">midr or smccc.</param>
/// <param name="Value">The value, as 0x and eight hexadecimal digits.</param>
/// <param name="Fields">Every field that applies, most significant first.</param>
/// <param name="Summary">What the value says in one phrase: <c>Arm Limited Cortex-A57 r1p0</c>, <c>PSCI_VERSION (PSCI), a fast SMC32/HVC32 call</c>.</param>
/// <param name="Warnings">Bits set where the specification says they must be zero, and reserved values; empty when there are none.</param>
public sealed record IdentifierDescription(string Kind, string Value, IReadOnlyList<FieldValue> Fields, string Summary, IReadOnlyList<string> Warnings);
