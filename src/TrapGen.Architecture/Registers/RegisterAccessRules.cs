namespace TrapGen.Architecture;

/// <summary>What <see cref="RegisterAccess"/> permits.</summary>
public static class RegisterAccessRules
{
    /// <summary>Gets whether accesses trapped in <paramref name="trapped"/> include <paramref name="direction"/> (both for read-write).</summary>
    public static bool Covers(AccessDirection trapped, AccessDirection direction) =>
        trapped == AccessDirection.ReadWrite || trapped == direction;

    /// <summary>
    /// Gets the directions of two rules of one encoding together: DBGDTRRX_EL0's read and DBGDTRTX_EL0's write, which
    /// share an encoding, make read-write.
    /// </summary>
    public static AccessDirection Combine(AccessDirection first, AccessDirection second) =>
        first == second ? first : AccessDirection.ReadWrite;

    /// <summary>Gets whether <paramref name="access"/> allows an access in <paramref name="direction"/> (both ways for <see cref="AccessDirection.ReadWrite"/>).</summary>
    public static bool Allows(RegisterAccess access, AccessDirection direction) => direction switch
    {
        AccessDirection.Read => access != RegisterAccess.WriteOnly,
        AccessDirection.Write => access != RegisterAccess.ReadOnly,
        _ => access == RegisterAccess.ReadWrite,
    };

    /// <summary>Gets every direction <paramref name="access"/> allows: what a trap rule of the whole register covers.</summary>
    public static AccessDirection Directions(RegisterAccess access) => access switch
    {
        RegisterAccess.ReadOnly => AccessDirection.Read,
        RegisterAccess.WriteOnly => AccessDirection.Write,
        _ => AccessDirection.ReadWrite,
    };

    /// <summary>Gets the table and catalogue spelling: <c>RW</c>, <c>RO</c> or <c>WO</c>.</summary>
    public static string Spelling(RegisterAccess access) => access switch
    {
        RegisterAccess.ReadOnly => "RO",
        RegisterAccess.WriteOnly => "WO",
        _ => "RW",
    };

    /// <summary>Gets the catalogue spelling of a direction: <c>read</c>, <c>write</c> or <c>read-write</c>.</summary>
    public static string Spelling(AccessDirection direction) => direction switch
    {
        AccessDirection.Read => "read",
        AccessDirection.Write => "write",
        _ => "read-write",
    };

    /// <summary>Describes the access in words: <c>read-only</c>.</summary>
    public static string Describe(RegisterAccess access) => access switch
    {
        RegisterAccess.ReadOnly => "read-only",
        RegisterAccess.WriteOnly => "write-only",
        _ => "readable and writable",
    };
}
