using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace TrapGen.Cli;

/// <summary>Reads input files, turning every I/O failure into one clear line and never reading more than it may.</summary>
internal static class CliFiles
{
    /// <summary>Reads <paramref name="file"/> as UTF-8 text of at most <paramref name="maxCharacters"/> characters.</summary>
    public static string ReadText(FileInfo file, int maxCharacters, string howToRaise)
    {
        using var reader = Open(file);
        var buffer = new char[Math.Min(maxCharacters, 1 << 16) + 1];
        var text = new StringBuilder();
        int read;
        while ((read = Guard(file, () => reader.Read(buffer, 0, buffer.Length))) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > maxCharacters)
            {
                throw new CliException(string.Format(
                    CultureInfo.InvariantCulture, "{0} is larger than {1} characters; {2}", file.Name, maxCharacters, howToRaise));
            }
        }

        return text.ToString();
    }

    /// <summary>Opens <paramref name="file"/> for reading as UTF-8, line by line.</summary>
    public static StreamReader Open(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new CliException(PrintableName(file) + " is a directory; give the path of a file");
        }

        return Guard(file, () => new StreamReader(file.FullName, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true));
    }

    /// <summary>Runs a read of <paramref name="file"/>, turning its I/O failures into one line.</summary>
    public static T Guard<T>(FileInfo file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException("cannot read " + PrintableName(file) + ": " + e.Message);
        }
    }

    private static string PrintableName(FileInfo file) => Catalogue.Diagnostics.PrintableText.Of(file.Name);
}
