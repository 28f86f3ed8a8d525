namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>One exchange with a guest's console: once it has printed <paramref name="Prompt"/>, <paramref name="Keys"/> are typed.</summary>
/// <param name="Prompt">What the console shows first (after the previous step's prompt).</param>
/// <param name="Keys">What is then typed.</param>
public sealed record ConsoleStep(string Prompt, string Keys);
