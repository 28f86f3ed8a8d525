namespace TrapGen.Runtime.Traps;

/// <summary>What the default path does with an access no catalogue entry handles.</summary>
public enum UnhandledAccessPolicy
{
    /// <summary>Inject an UNDEFINED exception into the guest (KVM's and Xen's behaviour).</summary>
    InjectUndefined,

    /// <summary>Crash the domain (the seed's domain_crash_synchronous).</summary>
    CrashDomain,
}
