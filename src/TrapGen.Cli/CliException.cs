using System;

namespace TrapGen.Cli;

/// <summary>A problem with the user's input: reported as one line and a non-zero exit, never a stack trace.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
