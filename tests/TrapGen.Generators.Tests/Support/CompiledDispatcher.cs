using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TrapGen.Architecture;
using TrapGen.Catalogue;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// The generated dispatch of a catalogue, compiled with <see cref="StubImplementation"/> and loaded, so
/// that a test can run traps through it: general-purpose registers in <see cref="X"/>, traps by syndrome.
/// </summary>
internal sealed class CompiledDispatcher
{
    private readonly object dispatcher;

    private CompiledDispatcher(object dispatcher) => this.dispatcher = dispatcher;

    /// <summary>The general-purpose registers (X0–X31; R0–R15 are their low words).</summary>
    public ulong[] X => (ulong[])dispatcher.GetType().GetProperty("X")!.GetValue(dispatcher)!;

    /// <summary>The hooks and forwarded instructions called so far, as <c>Hook(0x5)</c>.</summary>
    public System.Collections.Generic.List<string> Calls => (System.Collections.Generic.List<string>)dispatcher.GetType().GetProperty("Calls")!.GetValue(dispatcher)!;

    /// <summary>The guest's memory, by word address, for a catalogue with an LDC/STC form.</summary>
    public System.Collections.Generic.Dictionary<uint, uint> Memory => (System.Collections.Generic.Dictionary<uint, uint>)dispatcher.GetType().GetProperty("Memory")!.GetValue(dispatcher)!;

    /// <summary>Gets the register file's <paramref name="register"/>.</summary>
    public ulong GetRegister(string register)
    {
        var file = dispatcher.GetType().GetProperty("File")!.GetValue(dispatcher)!;
        return (ulong)file.GetType().GetProperty(register)!.GetValue(file)!;
    }

    /// <summary>Sets the register file's <paramref name="register"/> (the hardware's value of a sanitised register).</summary>
    public void SetRegister(string register, ulong value)
    {
        var file = dispatcher.GetType().GetProperty("File")!.GetValue(dispatcher)!;
        file.GetType().GetProperty(register)!.SetValue(file, value);
    }

    /// <summary>Compiles the generated code of an error-free <paramref name="catalogue"/> and creates its TrapDispatcher.</summary>
    public static CompiledDispatcher Of(string catalogue)
    {
        var loaded = CatalogueLoader.Load(catalogue).ValidCatalogue!;
        var (_, result, output) = GeneratorHarness.Run(catalogue, StubImplementation.For(loaded, GeneratorHarness.TestNamespace));
        Assert.Empty(result.Diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(image.ToArray());
        return new CompiledDispatcher(Activator.CreateInstance(assembly.GetType(GeneratorHarness.TestNamespace + ".TrapDispatcher")!)!);
    }

    /// <summary>Dispatches a trap; the generated TrapResult's name (Handled, Undefined, Unhandled).</summary>
    public string Dispatch(uint esr) => dispatcher.GetType().GetMethod("Dispatch")!.Invoke(dispatcher, [esr])!.ToString()!;

    /// <summary>
    /// The syndrome of a trapped access of <paramref name="trapClass"/>: Rt = 3 (and Rt2 = 4 for MCRR/MRRC; for LDC/STC
    /// the offset form at Rn = 3 plus nothing), condition AL where there is one; built from the class's fields alone.
    /// </summary>
    public static uint Syndrome(TrapClass trapClass, uint key, bool isRead)
    {
        ulong value = key;
        value = trapClass.Rt?.Insert(value, 3) ?? value;
        value = trapClass.Rt2?.Insert(value, 4) ?? value;
        value = trapClass.Direction?.Insert(value, trapClass.DirectionOf(isRead)) ?? value;
        if (trapClass.Memory is { } memory)
        {
            value = memory.BaseRegister.Insert(value, 3);
            value = memory.Mode.Insert(value, 0b010);
            value = memory.Add.Insert(value, 1);
        }

        foreach (var fixedField in trapClass.FixedFields)
        {
            value = fixedField.Field.Insert(value, fixedField.Value);
        }

        if (trapClass.ConditionValid is { } cv)
        {
            value = trapClass.Condition!.Insert(cv.Insert(value, 1), Aarch32Constants.ConditionAlways);
        }

        ulong esr = value;
        esr = Layouts.Esr.EC.Insert(esr, trapClass.ExceptionClass);
        esr = Layouts.Esr.IL.Insert(esr, 1);
        return (uint)esr;
    }
}
