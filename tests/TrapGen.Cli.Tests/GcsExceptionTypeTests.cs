using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// A GCS exception's ISS fields depend on its type (the Arm ARM's ESR_EL2 ISS encoding for a GCS exception): Raddr
/// and Rvalue belong to a GCSSTR or GCSSTTR (ExType 0b0010), Rn and IT to a data check (ExType 0b0000). The values
/// and fields of EC 0x0A, 0x1B, 0x1D, 0x1E, 0x27 and 0x2D are in Fixtures/esr-examples.tsv.
/// </summary>
public sealed class GcsExceptionTypeTests
{
    [Theory]
    // A GCS data check has no Raddr or Rvalue; a GCSSTR has no Rn or IT.
    [InlineData("0xb60003c2", "Raddr")]
    [InlineData("0xb60003c2", "Rvalue")]
    [InlineData("0xb6200440", "Rn")]
    [InlineData("0xb6200440", "IT")]
    public void A_gcs_field_shows_only_for_its_exception_type(string esr, string field)
    {
        var (_, output, _) = Cli.Run("decode", "--json", esr);

        var fields = JsonDocument.Parse(output).RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("ExType", fields);
        Assert.DoesNotContain(field, fields);
    }
}
