using System;
using System.IO;
using System.Text;

namespace TrapGen.Cli;

/// <summary>
/// The process's standard streams for <see cref="CliApplication.Run"/>. When standard input and standard
/// output are both a pipe or a file (a batch: <c>trapgen decode --json &lt; values &gt; out</c>), standard output
/// is block-buffered, as C's stdio does, instead of Console's one write call a line: standard output is flushed
/// before each read from standard input that may wait and before each error line, so a pipe fed line by line
/// still sees each answer before the next question, and errors keep their place among the results. From a
/// terminal everything stays as Console has it.
/// </summary>
internal static class ConsoleStreams
{
    /// <summary>The output buffer: large enough to make a batch a few write calls, small next to any process.</summary>
    private const int OutputBufferSize = 1 << 16;

    /// <summary>Runs <paramref name="args"/> on the standard streams and returns the exit code.</summary>
    public static int Run(string[] args)
    {
        if (!Console.IsOutputRedirected || !Console.IsInputRedirected)
        {
            return CliApplication.Run(args, Console.Out, Console.Error, Console.In);
        }

        var encoding = WithoutPreamble(Console.OutputEncoding);
        using TextWriter output = encoding.CodePage == Encoding.UTF8.CodePage
            ? new Utf8Output(Console.OpenStandardOutput(), OutputBufferSize)
            : new StreamWriter(Console.OpenStandardOutput(), encoding, OutputBufferSize);
        using var input = new StreamReader(new FlushingInput(Console.OpenStandardInput(), output), WithoutPreamble(Console.InputEncoding), detectEncodingFromByteOrderMarks: false);
        var error = Console.IsErrorRedirected ? new FlushingError(Console.Error, output) : Console.Error;
        try
        {
            return CliApplication.Run(args, output, error, input);
        }
        finally
        {
            output.Flush();
        }
    }

    /// <summary>The encoding without a byte order mark, as Console itself uses it.</summary>
    private static Encoding WithoutPreamble(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;

    /// <summary>Standard input that flushes standard output before every read, since a read may wait for the writer upstream.</summary>
    private sealed class FlushingInput(Stream input, TextWriter output) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            output.Flush();
            return input.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Standard error that flushes standard output first, so that an error line follows the results before it.</summary>
    private sealed class FlushingError(TextWriter error, TextWriter output) : TextWriter
    {
        public override Encoding Encoding => error.Encoding;

        public override void Write(char value)
        {
            output.Flush();
            error.Write(value);
        }

        public override void Write(string? value)
        {
            output.Flush();
            error.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            output.Flush();
            error.Write(buffer, index, count);
        }

        public override void WriteLine(string? value)
        {
            output.Flush();
            error.WriteLine(value);
        }

        public override void Flush() => error.Flush();
    }
}
