using System;
using System.Buffers;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TrapGen.Architecture;

namespace TrapGen.Cli.Commands;

/// <summary>
/// The shape <c>decode</c> and <c>encode</c> share: values from the arguments or one a line from
/// standard input, each turned into a result printed as a text block or as one JSON line.
/// </summary>
internal static class ValueCommand
{
    /// <summary>Describes one such command.</summary>
    /// <typeparam name="T">What a value becomes.</typeparam>
    /// <param name="Name">The command's name.</param>
    /// <param name="Description">Its help text.</param>
    /// <param name="ValueName">The argument's name.</param>
    /// <param name="ValueDescription">The argument's help text.</param>
    /// <param name="What">The values in plural, for messages ("ESR values").</param>
    /// <param name="Process">Turns a value into a result on a CPU model (<c>--cpu</c>, or null for the whole architecture); throws <see cref="CliException"/> on bad input.</param>
    /// <param name="Json">The result's JSON contract.</param>
    /// <param name="WriteText">Prints a result as text.</param>
    /// <param name="WriteJson">Writes a result's bytes as <paramref name="Json"/> does, faster (a batch's JSON Lines), or null to use <paramref name="Json"/>.</param>
    public sealed record Definition<T>(
        string Name,
        string Description,
        string ValueName,
        string ValueDescription,
        string What,
        Func<CliValue, CpuModel?, T> Process,
        JsonTypeInfo<T> Json,
        Action<T, TextWriter> WriteText,
        Action<IBufferWriter<byte>, T>? WriteJson = null);

    public static Command Create<T>(Definition<T> definition, TextReader input, params IValueAlternative[] alternatives)
    {
        var values = new Argument<string[]>(definition.ValueName)
        {
            Description = definition.ValueDescription + " With none, reads one a line from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object a line (shape: docs/cli.md)." };
        var cpu = new Option<string?>("--cpu")
        {
            Description = "Say whether the register or instruction exists on this CPU model, and what that CPU does when it does not: " + string.Join(", ", CpuModels.All.Select(m => m.Name)) + ".",
        };
        var command = new Command(definition.Name, definition.Description)
        {
            values,
            json,
            cpu,
        };
        foreach (var alternative in alternatives)
        {
            command.Options.Add(alternative.Flag);
        }

        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var asJson = parse.GetValue(json);
            var model = RunCommand.Model(parse, cpu);
            var chosen = alternatives.Where(a => parse.GetValue(a.Flag)).ToList();
            if (chosen.Count > 1)
            {
                throw new CliException(string.Join(" and ", chosen.Select(a => a.Flag.Name)) + " read the values in different ways; give one of them");
            }

            if (chosen.Count == 1)
            {
                return CliBatch.Run(CliInput.Values(parse.GetValue(values), input, error, definition.What), error, definition.What, (value, index) => chosen[0].Run(value, output, asJson, index));
            }

            return CliBatch.Run(CliInput.Values(parse.GetValue(values), input, error, definition.What), error, definition.What, (value, index) =>
            {
                var result = definition.Process(value, model);
                if (asJson)
                {
                    CliJson.WriteLine(output, result, definition.Json, definition.WriteJson);
                    return;
                }

                if (index > 0)
                {
                    output.WriteLine();
                }

                definition.WriteText(result, output);
            });
        });
        return command;
    }
}
