namespace TrapGen;

/// <summary>What a generated dispatch did with a trap.</summary>
public enum TrapResult
{
    /// <summary>The access was performed; the hypervisor advances the PC.</summary>
    Handled,

    /// <summary>The access is UNDEFINED (the catalogue's handling, or a read-only or write-only register); the hypervisor injects UNDEF.</summary>
    Undefined,

    /// <summary>No catalogue entry matches; the hypervisor's default path logs it and injects UNDEF or crashes the domain.</summary>
    Unhandled,
}
