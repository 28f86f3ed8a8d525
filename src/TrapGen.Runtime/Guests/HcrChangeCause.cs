namespace TrapGen.Runtime.Guests;

/// <summary>Why HCR_EL2 changed during a step.</summary>
public enum HcrChangeCause
{
    /// <summary>Nothing in the step changes HCR_EL2.</summary>
    None,

    /// <summary>The program set and cleared bits (<see cref="ChangeHcrStep"/>).</summary>
    Program,

    /// <summary>A context switch: DC and TVM follow the incoming vCPU's MMU, RW its execution state.</summary>
    ContextSwitch,

    /// <summary>The guest enabled its MMU: the hypervisor's SCTLR update cleared TVM and DC, or either one that was set.</summary>
    MmuEnabled,

    /// <summary>A trapped set/way operation made the hypervisor clean the guest's memory and set TVM to catch the next MMU enable.</summary>
    SetWayClean,
}
