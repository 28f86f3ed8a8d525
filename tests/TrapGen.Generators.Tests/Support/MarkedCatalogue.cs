using System;
using System.Linq;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// A small catalogue written for one test, with <see cref="Marker"/> placed where a diagnostic must
/// point. Tests own their catalogues: editing the shipped registers.yaml never breaks them.
/// </summary>
/// <param name="Text">The catalogue without the marker.</param>
/// <param name="Line">The marker's 0-based line.</param>
/// <param name="Column">The marker's 0-based column.</param>
internal sealed record MarkedCatalogue(string Text, int Line, int Column)
{
    /// <summary>The character that marks the expected position; it is removed from the text.</summary>
    public const char Marker = '‸';

    public static MarkedCatalogue Parse(string marked)
    {
        var offset = marked.IndexOf(Marker, StringComparison.Ordinal);
        if (offset < 0 || marked.IndexOf(Marker, offset + 1) >= 0)
        {
            throw new ArgumentException("A marked catalogue has exactly one " + Marker + ": " + marked, nameof(marked));
        }

        var before = marked.Substring(0, offset);
        var line = before.Count(c => c == '\n');
        return new MarkedCatalogue(marked.Remove(offset, 1), line, offset - (before.LastIndexOf('\n') + 1));
    }

    /// <summary>The ESR_EL2 layouts exactly as the architecture defines them, written out as a catalogue's <c>syndrome:</c>.</summary>
    public const string Syndrome = """
        syndrome:
          esr:
            width: 32
            fields:
              EC:  { lsb: 26, width: 6 }
              IL:  { lsb: 25, width: 1 }
              ISS: { lsb: 0,  width: 25 }
          msr:
            ec: 0x18
            fields:
              Op0:       { lsb: 20, width: 2 }
              Op2:       { lsb: 17, width: 3 }
              Op1:       { lsb: 14, width: 3 }
              CRn:       { lsb: 10, width: 4 }
              Rt:        { lsb: 5,  width: 5 }
              CRm:       { lsb: 1,  width: 4 }
              Direction: { lsb: 0,  width: 1 }
          mcr:
            ec: 0x03
            fields:
              CV:        { lsb: 24, width: 1 }
              COND:      { lsb: 20, width: 4 }
              Opc2:      { lsb: 17, width: 3 }
              Opc1:      { lsb: 14, width: 3 }
              CRn:       { lsb: 10, width: 4 }
              Rt:        { lsb: 5,  width: 5 }
              CRm:       { lsb: 1,  width: 4 }
              Direction: { lsb: 0,  width: 1 }
          mcrr:
            ec: 0x04
            fields:
              CV:        { lsb: 24, width: 1 }
              COND:      { lsb: 20, width: 4 }
              Opc1:      { lsb: 16, width: 4 }
              Rt2:       { lsb: 10, width: 5 }
              Rt:        { lsb: 5,  width: 5 }
              CRm:       { lsb: 1,  width: 4 }
              Direction: { lsb: 0,  width: 1 }

        """;

    /// <summary><see cref="Syndrome"/> with its first <paramref name="find"/> replaced.</summary>
    public static string SyndromeWith(string find, string replace)
    {
        var at = Syndrome.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException(find, nameof(find)) : Syndrome.Remove(at, find.Length).Insert(at, replace);
    }
}
