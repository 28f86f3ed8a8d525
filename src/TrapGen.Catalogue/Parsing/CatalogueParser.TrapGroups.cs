using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// The catalogue's <c>trap_groups</c>: each group the trap control its name names. A qualified name (<c>MDCR_EL2.TDA</c>,
/// <c>HFGRTR_EL2.nPIR_EL1</c>) is any control of the architecture's tables; an unqualified one is a control of
/// trap-controls.table by its field (<c>TVM</c>, <c>TDA</c>), or, with <c>hcr_bit</c>, an HCR_EL2 bit of the catalogue's
/// own. A fine-grained field is only ever named with its register: most fields are in a read and a write register, and
/// each is named like a register, so <c>TTBR0_EL1</c> alone would say neither which nor that it is a control.
/// </summary>
internal sealed partial class CatalogueParser
{
    /// <summary>The groups whose control is a fine-grained field, by name: an AArch32 view inherits none of their memberships.</summary>
    private readonly HashSet<string> fineGrainedGroups = new(StringComparer.Ordinal);

    private EquatableArray<TrapGroup> ParseTrapGroups(YamlDotNet.RepresentationModel.YamlSequenceNode? sequence)
    {
        var groups = ParseList(sequence, "trap_groups", ParseTrapGroup);
        fineGrainedGroups.UnionWith(groups.Where(g => g.Control is { IsFineGrained: true }).Select(g => g.Name));
        return groups;
    }

    private TrapGroup? ParseTrapGroup(MappingReader reader)
    {
        var name = reader.String("name", required: true);
        var named = name is null ? NamedControl.None : ResolveControl(name, reader.Has("hcr_bit"), reader.SpanOf("name"));
        var architectural = named.Control;
        if (architectural is { Register: not HcrEl2.Name } && reader.Has("hcr_bit"))
        {
            diagnostics.Report(CatalogueRules.HcrBitOfOtherRegister, reader.SpanOf("hcr_bit"), name!, architectural.QualifiedName);
        }

        // Any other unqualified name is an HCR_EL2 bit of the catalogue's own, which hcr_bit gives.
        var bitRequired = architectural is null && name is not null && !named.Rejected;
        var bit = architectural is { Register: not HcrEl2.Name }
            ? architectural.Bit
            : reader.Int("hcr_bit", required: bitRequired, 0, 63, "trap group " + (name ?? "?")) ?? architectural?.Bit;
        var description = reader.String("description", required: false);
        var others = reader.Choice("others", required: false, CatalogueKeys.Others);
        var ifImplemented = reader.Choice("if_implemented", required: false, CatalogueKeys.Booleans) ?? false;
        if (name is null || bit is null || named.Rejected)
        {
            return null;
        }

        // A group is its bit: the control named (whose bit, and register, TG0018 then checks), or the HCR_EL2 control at that bit.
        var control = architectural ?? TrapControls.FindHcrBit(bit.Value);
        if (ifImplemented && control?.Needs is null)
        {
            diagnostics.Report(CatalogueRules.IfImplementedWithoutEffect, reader.SpanOf("if_implemented"), control?.QualifiedName ?? name);
        }

        return new TrapGroup(
            name, bit.Value, description ?? control?.Description ?? string.Empty, control, others,
            reader.SpanOf("name"), reader.SpanOf("hcr_bit"), reader.SpanOf("others"))
        {
            IfImplemented = ifImplemented,
        };
    }

    /// <summary>
    /// The control <paramref name="name"/> names, or none. An unknown qualified name (TG0038, with the closest control) and a
    /// fine-grained field without its register (TG0037, with the qualified names to write) are reported here and reject the group.
    /// </summary>
    private NamedControl ResolveControl(string name, bool hasHcrBit, SourceSpan span)
    {
        if (name.IndexOf('.') >= 0)
        {
            if (TrapControls.Find(name) is { } qualified)
            {
                return new NamedControl(qualified, Rejected: false);
            }

            var suggestion = ClosestName.Find(name, TrapControls.QualifiedNames);
            diagnostics.Report(span, DiagnosticMessage.Suggesting(suggestion, CatalogueRules.UnknownControlName, CatalogueRules.UnknownControlNameSuggesting, name));
            return new NamedControl(null, Rejected: true);
        }

        if (TrapControls.Find(name) is { } coarse)
        {
            return new NamedControl(coarse, Rejected: false);
        }

        IReadOnlyList<TrapControl> fields = hasHcrBit ? [] : TrapControls.Named(name);
        if (fields.Count == 0)
        {
            return NamedControl.None;
        }

        var registers = fields.Select(c => c.Register).ToList();
        var written = string.Join(" or ", fields.Select(c => c.QualifiedName));
        diagnostics.Report(CatalogueRules.ControlNeedsRegister, span, name, JoinAnd(registers), written);
        return new NamedControl(null, Rejected: true);
    }

    /// <summary>What an AArch32 view of a register inherits of its memberships: all but the fine-grained groups', which trap AArch64 accesses alone (EC 0x18).</summary>
    private EquatableArray<TrapMembership> InheritedByViews(EquatableArray<TrapMembership> registerTraps) =>
        fineGrainedGroups.Count == 0 || !registerTraps.Any(m => fineGrainedGroups.Contains(m.Group))
            ? registerTraps
            : registerTraps.Where(m => !fineGrainedGroups.Contains(m.Group)).ToEquatableArray();

    private static string JoinAnd(List<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];

    /// <summary>The control a group's name names, if any, and whether the name can be no group at all.</summary>
    private readonly record struct NamedControl(TrapControl? Control, bool Rejected)
    {
        public static NamedControl None => new(null, Rejected: false);
    }
}
