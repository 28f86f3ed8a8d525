using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Serialization.Metadata;

namespace TrapGen.Cli.Commands;

/// <summary>
/// Another reading of a value command's values, chosen by a flag: <c>decode --midr</c> reads each value as a MIDR
/// instead of an ESR. It prints as the command does: a text block, or one JSON line with <c>--json</c>.
/// </summary>
internal interface IValueAlternative
{
    /// <summary>Gets the flag that chooses it.</summary>
    Option<bool> Flag { get; }

    /// <summary>Turns <paramref name="value"/> into a result and prints it; throws <see cref="CliException"/> on bad input.</summary>
    void Run(CliValue value, TextWriter output, bool json, int index);
}

/// <summary>A reading of a value command's values as <typeparamref name="T"/>.</summary>
/// <typeparam name="T">What a value becomes.</typeparam>
/// <param name="Flag">The flag that chooses it.</param>
/// <param name="Process">Turns a value into a result; throws <see cref="CliException"/> on bad input.</param>
/// <param name="Json">The result's JSON contract.</param>
/// <param name="WriteText">Prints a result as text.</param>
internal sealed record ValueAlternative<T>(Option<bool> Flag, Func<CliValue, T> Process, JsonTypeInfo<T> Json, Action<T, TextWriter> WriteText) : IValueAlternative
{
    /// <inheritdoc />
    public void Run(CliValue value, TextWriter output, bool json, int index)
    {
        var result = Process(value);
        if (json)
        {
            CliJson.WriteLine(output, result, Json);
            return;
        }

        if (index > 0)
        {
            output.WriteLine();
        }

        WriteText(result, output);
    }
}
