using System;

namespace TrapGen.Instructions;

/// <summary>
/// The T32 IT instruction as GNU as writes it, <c>it{x{y{z}}} cond</c> (Arm ARM F5.1.57): each of x, y and z is <c>t</c>
/// (then: the first condition) or <c>e</c> (else: its inverse) for the block's second, third and fourth instruction.
/// The mask's bit for each of them is firstcond[0] for a then and its inverse for an else, and a 1 follows the last.
/// </summary>
public static class ItSyntax
{
    private const int MaximumSlots = 3;

    /// <summary>Parses <c>it ne</c>, <c>itte eq</c>, ... into the T32 word of the IT (<see cref="ItInstruction.Encode"/>).</summary>
    public static bool TryParse(string text, out uint word)
    {
        ArgumentNullException.ThrowIfNull(text);
        word = 0;
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length is < 2 or > 2 + MaximumSlots || !parts[0].StartsWith("it", StringComparison.OrdinalIgnoreCase)
            || !ConditionCodes.TryParse(parts[1], out var firstCondition))
        {
            return false;
        }

        var slots = parts[0].AsSpan(2);
        var mask = 1u << (MaximumSlots - slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            var then = char.ToLowerInvariant(slots[i]) switch
            {
                't' => true,
                'e' => false,
                _ => (bool?)null,
            };
            if (then is not { } isThen)
            {
                return false;
            }

            var bit = isThen ? firstCondition & 1 : ~firstCondition & 1;
            mask |= bit << (MaximumSlots - i);
        }

        word = ItInstruction.Encode(firstCondition, mask);
        return true;
    }

    /// <summary>Formats a T32 IT word as <c>itte ne</c>; false when <paramref name="word"/> is no IT.</summary>
    public static bool TryFormat(uint word, out string text)
    {
        text = string.Empty;
        if (!ItInstruction.TryDecode(word, out var firstCondition, out var mask))
        {
            return false;
        }

        // The lowest set bit of the mask ends the block; each bit above it names a slot.
        Span<char> slots = stackalloc char[MaximumSlots];
        var count = 0;
        for (var bit = MaximumSlots; bit > 0 && (mask & ((1u << bit) - 1)) != 0; bit--)
        {
            slots[count++] = ((mask >> bit) & 1) == (firstCondition & 1) ? 't' : 'e';
        }

        var condition = firstCondition == 0b1111 ? "nv" : firstCondition == 0b1110 ? "al" : ConditionCodes.Suffix(firstCondition);
        text = "it" + new string(slots[..count]) + " " + condition;
        return true;
    }
}
