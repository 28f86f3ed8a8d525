using System.Collections.Generic;
using System.Text;

namespace TrapGen.Soak.Mutation;

/// <summary>
/// A mutant's U+FFFD stands for a byte that is not UTF-8: the compiler hands the generator U+FFFD (or
/// the whole file in a fallback code page), while <c>trapgen check</c> reads the bytes themselves.
/// </summary>
internal static class InvalidUtf8
{
    /// <summary>The file's bytes: UTF-8, with every U+FFFD written as the lone byte 0xFF.</summary>
    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length + 16);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\uFFFD')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text, start, i - start));
                if (i < text.Length)
                {
                    bytes.Add(0xFF);
                }

                start = i + 1;
            }
        }

        return bytes.ToArray();
    }
}
