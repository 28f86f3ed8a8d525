using System;
using TrapGen.Decoding;

namespace TrapGen.Web;

/// <summary>
/// The decoder's state in the URL fragment, so a link in a bug report opens the decode: <c>#esr=0x96000050</c>,
/// <c>#insn=msr%20sctlr_el1%2C%20x0</c>, <c>#reg=SCTLR_EL1</c>, <c>#midr=0x410fd070</c>, <c>#smccc=0x84000000</c>, or <c>#q=…</c> to let the page decide.
/// </summary>
/// <param name="Kind">What the text is taken as.</param>
/// <param name="Text">The text.</param>
internal sealed record DecoderLink(InputKind Kind, string Text)
{
    /// <summary>Reads the state from <paramref name="uri"/>'s fragment; null when it has none the decoder knows.</summary>
    public static DecoderLink? Parse(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return null;
        }

        var fragment = uri.AsSpan(hash + 1);
        var equals = fragment.IndexOf('=');
        if (equals < 0)
        {
            return null;
        }

        InputKind? kind = fragment[..equals] switch
        {
            "esr" => InputKind.Esr,
            "insn" => InputKind.Instruction,
            "reg" => InputKind.Register,
            "midr" => InputKind.Midr,
            "smccc" => InputKind.Smccc,
            "q" => InputKind.Auto,
            _ => null,
        };
        return kind is { } k ? new DecoderLink(k, Uri.UnescapeDataString(fragment[(equals + 1)..].ToString())) : null;
    }

    /// <summary>Gets the fragment, with its <c>#</c>.</summary>
    public string Fragment => "#" + Kind switch
    {
        InputKind.Esr => "esr",
        InputKind.Instruction => "insn",
        InputKind.Register => "reg",
        InputKind.Midr => "midr",
        InputKind.Smccc => "smccc",
        _ => "q",
    } + "=" + Uri.EscapeDataString(Text);
}
