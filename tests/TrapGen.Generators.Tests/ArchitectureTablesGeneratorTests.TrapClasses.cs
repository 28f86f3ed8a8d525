using Microsoft.CodeAnalysis;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// trap-classes.table's transfer column for a class without a form: none, the instruction's register (WFIT's RN), or that
/// and then its address's base register (GCSSTR's Rvalue and Raddr, which become the class's Rt and Rn); any more, or one
/// field twice, is refused at the cell.
/// </summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string TrapClassHeader = "# name ec state layout form cp key transfer read condition immediate space instructions\n";

    /// <summary>EC 0x2D's ISS as layouts.table has it, with the data check's Rn at Rvalue's bits.</summary>
    private const string GcsLayout = """
        [GcsIss ec=0x2D] GCS exception
        ExType     23:20       The type of GCS exception
        Raddr      14:10 if:ExType=0b0010  The address register
        Rvalue     9:5   if:ExType=0b0010  The value register
        Rn         9:5   if:ExType=0b0000  The checked register

        """;

    [Fact]
    public void A_class_without_a_form_may_name_its_register_and_then_its_address_base()
    {
        var result = RunClasses(TrapClassHeader + "GcsStore  0x2D  a64  GcsIss  -  -  ExType  Rvalue,Raddr  -  -  -  -  GCSSTR/GCSSTTR\n");

        Assert.Contains("rt: Layouts.GcsIss.Rvalue, rt2: null, rn: Layouts.GcsIss.Raddr, memory: null", Generated(result, "TrapClasses."), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸Rvalue,Raddr,Rn")]
    [InlineData("‸Rvalue,Rvalue")]
    public void A_class_without_a_form_naming_more_than_two_registers_or_one_twice_is_reported_at_the_transfer_cell(string transfer)
    {
        var marked = MarkedCatalogue.Parse(TrapClassHeader + "GcsStore  0x2D  a64  GcsIss  -  -  ExType  " + transfer + "  -  -  -  -  GCSSTR/GCSSTTR\n");

        var diagnostic = Assert.Single(RunClasses(marked.Text).Diagnostics);

        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("a class without a form names at most two register operands", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>Runs the generator on a trap-classes.table beside a layouts.table of EC 0x2D's ISS.</summary>
    private static GeneratorRunResult RunClasses(string classes) =>
        Run(classes, "trap-classes.table", extra: [new InMemoryAdditionalText("/tables/layouts.table", GcsLayout)]);
}
