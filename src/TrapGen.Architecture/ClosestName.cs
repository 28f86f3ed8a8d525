using System;
using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>Finds the name a misspelling most probably meant, for "did you mean" hints.</summary>
public static class ClosestName
{
    /// <summary>
    /// Gets the candidate closest to <paramref name="name"/> by edit distance (ignoring case), or null
    /// when none is within a third of its length.
    /// </summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var query = (name ?? string.Empty).ToUpperInvariant();
        var limit = Math.Max(1, query.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var bound = Math.Min(limit, bestDistance);
            var distance = Distance(query, candidate.ToUpperInvariant(), bound);
            if (distance > bound)
            {
                continue;
            }

            if (distance < bestDistance || string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Gets every candidate as close to <paramref name="name"/> as the closest one (ignoring case, within a
    /// third of its length), in the candidates' order: each is as likely meant as the others.
    /// </summary>
    public static IReadOnlyList<string> FindAll(string name, IEnumerable<string> candidates)
    {
        var query = (name ?? string.Empty).ToUpperInvariant();
        var limit = Math.Max(1, query.Length / 3);
        var measured = new List<(string Candidate, int Distance)>();
        foreach (var candidate in candidates)
        {
            var distance = Distance(query, candidate.ToUpperInvariant(), limit);
            if (distance <= limit)
            {
                measured.Add((candidate, distance));
            }
        }

        var best = int.MaxValue;
        foreach (var (_, distance) in measured)
        {
            best = Math.Min(best, distance);
        }

        return measured.FindAll(m => m.Distance == best).ConvertAll(m => m.Candidate);
    }

    /// <summary>Edit distance (Levenshtein's, with a swap of neighbours as one edit), or <paramref name="bound"/> + 1 as soon as it must exceed the bound.</summary>
    private static int Distance(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        // Optimal string alignment: Levenshtein's edits and the swap of two neighbours (SCTRL for SCTLR), each 1.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > bound)
            {
                return bound + 1;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
