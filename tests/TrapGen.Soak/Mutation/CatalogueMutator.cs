using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TrapGen.Soak.Mutation;

/// <summary>
/// Turns a well-formed catalogue into a hostile one: damaged characters, moved and re-indented lines,
/// swapped keys and values, registers spliced between catalogues, and the bombs a file can hold (deep
/// nesting, alias amplification, huge scalars). Each mutant is a function of its seed, so any failure
/// the soak reports can be rebuilt from the seed alone.
/// </summary>
internal sealed partial class CatalogueMutator
{
    private const string Noise = " \t\n\r:-[]{},&*!|>'\"#%@`?0x9zZ_\u00e9\0\u001b\uFFFD";

    private readonly IReadOnlyList<string> bases;
    private readonly string[] keys;

    /// <summary>Creates a mutator over <paramref name="bases"/>: the well-formed catalogues mutants start from.</summary>
    public CatalogueMutator(IReadOnlyList<string> bases)
    {
        this.bases = bases;
        keys = bases.SelectMany(text => KeyPattern().Matches(text).Select(match => match.Groups[1].Value))
            .Concat(["colour", "op5", "Name", "registers", "aarch32", "<<"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The mutant for <paramref name="seed"/>, and what was done to make it.</summary>
    public (string Text, string How) Mutate(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(bases[random.Next(bases.Count)]);
        var how = new List<string>();
        for (var rounds = random.Next(1, 4); rounds > 0; rounds--)
        {
            how.Add(random.Next(100) switch
            {
                < 30 => DamageCharacters(text, random),
                < 50 => EditLines(text, random),
                < 65 => ReplaceValue(text, random),
                < 75 => ReplaceKey(text, random),
                < 85 => Splice(text, random),
                < 95 => Bomb(text, random),
                _ => Truncate(text, random),
            });
        }

        return (text.ToString(), string.Join(", ", how));
    }

    private static string DamageCharacters(StringBuilder text, Random random)
    {
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 1: text.Insert(at, Noise[random.Next(Noise.Length)]); break;
                default: text[at] = Noise[random.Next(Noise.Length)]; break;
            }
        }

        return edits + " character edit(s)";
    }

    private static string EditLines(StringBuilder text, Random random)
    {
        var lines = text.ToString().Split('\n').ToList();
        var at = random.Next(lines.Count);
        string what;
        switch (random.Next(5))
        {
            case 0:
                lines.RemoveAt(at);
                what = "deleted line " + (at + 1);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                what = "duplicated line " + (at + 1);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                what = "swapped lines " + (at + 1) + " and " + (other + 1);
                break;
            case 3:
                lines[at] = new string(' ', random.Next(1, 5)) + lines[at];
                what = "indented line " + (at + 1);
                break;
            default:
                lines[at] = "\t" + lines[at].TrimStart(' ');
                what = "tab-indented line " + (at + 1);
                break;
        }

        text.Clear().AppendJoin('\n', lines);
        return what;
    }

    private static string ReplaceValue(StringBuilder text, Random random)
    {
        var values = ValuePattern().Matches(text.ToString());
        if (values.Count == 0)
        {
            return "no value to replace";
        }

        var value = values[random.Next(values.Count)].Groups[1];
        var replacement = HostileValues.Pick(random);
        text.Remove(value.Index, value.Length).Insert(value.Index, replacement);
        return "value '" + Shorten(value.Value) + "' became '" + Shorten(replacement) + "'";
    }

    private string ReplaceKey(StringBuilder text, Random random)
    {
        var found = KeyPattern().Matches(text.ToString());
        if (found.Count == 0)
        {
            return "no key to replace";
        }

        var key = found[random.Next(found.Count)].Groups[1];
        var replacement = keys[random.Next(keys.Length)];
        text.Remove(key.Index, key.Length).Insert(key.Index, replacement);
        return "key '" + key.Value + "' became '" + replacement + "'";
    }

    /// <summary>Copies a run of lines from one catalogue into another: duplicate names, foreign keys, broken structure.</summary>
    private string Splice(StringBuilder text, Random random)
    {
        var donor = bases[random.Next(bases.Count)].Split('\n');
        var start = random.Next(donor.Length);
        var run = donor.Skip(start).Take(random.Next(1, 30));
        var lines = text.ToString().Split('\n').ToList();
        var at = random.Next(lines.Count + 1);
        lines.InsertRange(at, run);
        text.Clear().AppendJoin('\n', lines);
        return "spliced lines " + (start + 1) + "+ of another catalogue at line " + (at + 1);
    }

    private static string Bomb(StringBuilder text, Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(50, 200) : random.Next(1_000, 40_000);
        var at = random.Next(text.Length + 1);
        string bomb;
        string what;
        switch (random.Next(6))
        {
            case 0:
                bomb = new string('[', depth) + new string(']', depth);
                what = depth + " nested flow sequences";
                break;
            case 1:
                bomb = string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth);
                what = depth + " nested flow mappings";
                break;
            case 2:
                depth = Math.Min(depth, 3_000);
                bomb = "\nbomb:\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string(' ', i) + "-\n"));
                at = text.Length;
                what = depth + " nested block sequences";
                break;
            case 3:
                var anchors = random.Next(5, 40);
                var fanOut = random.Next(2, 12);
                bomb = "\n" + string.Concat(Enumerable.Range(0, anchors).Select(i =>
                    "l" + i + ": &l" + i + " [" + (i == 0 ? "x" : string.Join(", ", Enumerable.Repeat("*l" + (i - 1), fanOut))) + "]\n"));
                at = 0;
                what = anchors + " anchors of " + fanOut + " aliases";
                break;
            case 4:
                var length = random.Next(3) == 0 ? random.Next(4 * 1024 * 1024 - 1024, 4 * 1024 * 1024 + 1024) : random.Next(10_000, 200_000);
                bomb = "\n# " + new string('x', length) + "\n";
                at = text.Length;
                what = "a " + length + "-character comment";
                break;
            default:
                bomb = "\nwide: [" + string.Join(", ", Enumerable.Range(0, random.Next(1_000, 120_000))) + "]\n";
                at = text.Length;
                what = "a wide flow sequence";
                break;
        }

        text.Insert(at, bomb);
        return what;
    }

    private static string Truncate(StringBuilder text, Random random)
    {
        var length = random.Next(text.Length + 1);
        text.Length = length;
        return "cut at character " + length;
    }

    private static string Shorten(string value) => value.Length <= 24 ? value : value[..24] + "...";

    [GeneratedRegex(@"^[ \t]*(?:- )?([A-Za-z_][A-Za-z0-9_]*):", RegexOptions.Multiline)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"[A-Za-z0-9_]: +([^\s\[{#][^\n#]*?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ValuePattern();
}
