using System.Linq;

namespace TrapGen.Architecture;

/// <summary>The SMCCC fast calls the specifications name: PSCI, the SMCCC Arm Architecture Calls, TRNG and FF-A (Tables/smccc-functions.table).</summary>
public static partial class SmcccFunctions
{
    private static readonly (int Owner, int Number, bool Smc32, bool Smc64, string Name, string Service)[] All = CreateAll();

    /// <summary>Finds the fast call of <paramref name="owner"/> numbered <paramref name="number"/> in the SMC32 or SMC64 convention.</summary>
    /// <param name="owner">The owning entity, bits [29:24] of the function ID.</param>
    /// <param name="number">The function number, bits [15:0].</param>
    /// <param name="smc64">Whether the ID is of the SMC64/HVC64 convention (bit 30).</param>
    /// <returns>The call's name and the service that defines it, or null when the table has no such call.</returns>
    public static (string Name, string Service)? Find(int owner, int number, bool smc64) =>
        All.Where(row => row.Owner == owner && row.Number == number && (smc64 ? row.Smc64 : row.Smc32)).Select(row => ((string Name, string Service)?)(row.Name, row.Service)).FirstOrDefault();
}
