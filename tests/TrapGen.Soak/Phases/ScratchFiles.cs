using System;
using System.Collections.Concurrent;
using System.IO;

namespace TrapGen.Soak.Phases;

/// <summary>One scratch file per worker thread in a temporary directory that goes away with this object.</summary>
internal sealed class ScratchFiles : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("trapgen-soak-");
    private readonly ConcurrentDictionary<int, string> paths = new();

    /// <summary>The scratch file of <paramref name="worker"/>, named registers.yaml in its own directory.</summary>
    public string PathFor(int worker) => paths.GetOrAdd(worker, id =>
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory.FullName, "worker" + id));
        return Path.Combine(folder.FullName, "registers.yaml");
    });

    public void Dispose() => directory.Delete(recursive: true);
}
