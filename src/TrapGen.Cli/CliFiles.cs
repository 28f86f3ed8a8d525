using System;
using System.IO;

namespace TrapGen.Cli;

/// <summary>Reads input files, turning every I/O failure into one clear line.</summary>
internal static class CliFiles
{
    public static string ReadText(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new CliException(file.Name + " is a directory; give the path of a file");
        }

        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException("cannot read " + file.Name + ": " + e.Message);
        }
    }
}
