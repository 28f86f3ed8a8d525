using System;
using System.Collections.Generic;
using System.IO;

namespace TrapGen.Cli;

/// <summary>
/// Works through many values (arguments or standard-input lines): a bad value is reported as one line
/// naming where it came from, the rest are still processed, and the exit code says whether any failed.
/// </summary>
internal static class CliBatch
{
    public static int Run(IEnumerable<CliValue> values, TextWriter error, string what, Action<CliValue, int> process)
    {
        var failures = 0;
        var index = 0;
        foreach (var value in values)
        {
            try
            {
                process(value, index);
                index++;
            }
            catch (CliException e)
            {
                error.WriteLine(CliApplication.ErrorLine(e.Message));
                failures++;
            }
        }

        if (index + failures == 0)
        {
            throw new CliException("no " + what + " given: pass them as arguments or one a line on standard input");
        }

        return failures == 0 ? 0 : CliApplication.InputError;
    }
}
