namespace TrapGen.Architecture;

/// <summary>
/// Whether FAR_EL2 holds the faulting address after an exception, as the Arm ARM's FAR_EL2 and ESR_EL2
/// descriptions say: it is set only for Instruction and Data Aborts, PC alignment faults and
/// Watchpoints (and, with the RAS extension's VFV, SErrors); FnV marks it UNKNOWN after a synchronous
/// External abort not on a table walk, and FnP widens it to the naturally aligned granule.
/// </summary>
public static class FaultAddress
{
    /// <summary>The fault status code of a synchronous External abort, not on a translation table walk: the only one for which FnV is defined.</summary>
    private const ulong SynchronousExternalAbort = 0b010000;

    /// <summary>The exception class of a PC alignment fault, which shares IllegalStateIss's (empty) layout.</summary>
    private const int PcAlignmentFault = 0x22;

    /// <summary>The data fault status code of a Tag Check Fault.</summary>
    private const ulong TagCheckFault = 0b010001;

    /// <summary>Describes what FAR_EL2 holds after an exception of class <paramref name="ec"/> with ISS <paramref name="iss"/>, or null when it is not set.</summary>
    public static string? Describe(int ec, ulong iss)
    {
        if (Layouts.IssOf(ec) is not { } layout)
        {
            return null;
        }

        switch (layout.Name)
        {
            case nameof(Layouts.DataAbortIss):
            case nameof(Layouts.InstructionAbortIss):
            case nameof(Layouts.WatchpointIss):
                var status = layout.FindField("DFSC") ?? layout.Field("IFSC");
                var fnv = layout.FindField("FnV");
                if (fnv is not null && layout.Applies(fnv, iss) && fnv.Extract(iss) == 1 && (layout.Name == nameof(Layouts.WatchpointIss) || status.Extract(iss) == SynchronousExternalAbort))
                {
                    return "FAR_EL2 is not valid (FnV = 1): it holds an UNKNOWN value";
                }

                if (layout.FindField("FnP") is { } fnp && layout.Applies(fnp, iss) && fnp.Extract(iss) == 1)
                {
                    return "FAR_EL2 holds an address within the naturally aligned granule that contains the faulting address (FnP = 1), not the address itself";
                }

                if (layout.Name == nameof(Layouts.DataAbortIss) && status.Extract(iss) == TagCheckFault)
                {
                    return "FAR_EL2 holds the faulting virtual address; bits [63:60] are UNKNOWN unless FEAT_MTE_TAGGED_FAR is implemented";
                }

                return status.Extract(iss) == SynchronousExternalAbort
                    ? "FAR_EL2 holds the faulting virtual address (FnV = 0); its top byte is UNKNOWN when address tagging is enabled"
                    : "FAR_EL2 holds the faulting virtual address";

            case nameof(Layouts.IllegalStateIss) when ec == PcAlignmentFault:
                return "FAR_EL2 holds the misaligned PC";

            case nameof(Layouts.SErrorIss):
                var vfv = layout.Field("VFV");
                return !layout.Applies(vfv, iss) ? "FAR_EL2 is UNKNOWN (VFV applies only to an asynchronous SError, IDS = 0 and DFSC = 0b010001)"
                    : vfv.Extract(iss) == 1 ? "FAR_EL2 holds a virtual address associated with the error (VFV = 1)"
                    : "FAR_EL2 is UNKNOWN (VFV = 0)";

            default:
                return null;
        }
    }
}
