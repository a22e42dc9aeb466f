namespace SglReference.Cli;

/// <summary>
/// Writes a set of files into an output directory all or nothing: every file goes to a staging directory first,
/// then each is moved into place, manifest last. A failure leaves the output directory as it was.
/// <para>
/// A render killed (kill -9, power cut) leaves its staging directory behind; the next render into the same directory
/// removes it. Each staging directory <c>.sgl-staging-ID</c> has a lock file <c>.sgl-staging-ID.lock</c> beside it,
/// created and held (an exclusive lock the system releases when the process dies) before the directory exists and
/// until it is gone: a staging directory whose lock can be taken belongs to a dead render, one whose lock is held to
/// a render in progress, which is left alone. A staging directory of an earlier version (no lock file) is removed
/// once it is an hour old.
/// </para>
/// </summary>
internal static class OutputStaging
{
    public const string Prefix = ".sgl-staging-";
    private const string LockSuffix = ".lock";
    private static readonly TimeSpan LegacyAge = TimeSpan.FromHours(1);

    public static void Commit(string outputDirectory, IReadOnlyList<(string RelativePath, ReadOnlyMemory<byte> Content)> files)
    {
        Directory.CreateDirectory(outputDirectory);
        RemoveAbandoned(outputDirectory);
        var staging = Path.Combine(outputDirectory, Prefix + Guid.NewGuid().ToString("N"));
        using var held = new FileStream(staging + LockSuffix, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        var moved = new List<string>();
        try
        {
            foreach (var (relative, content) in files)
            {
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content.Span);
                }
            }

            foreach (var (relative, _) in files)
            {
                var destination = Path.Combine(outputDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(Path.Combine(staging, relative), destination, overwrite: true);
                moved.Add(destination);
            }
        }
        catch
        {
            foreach (var path in moved)
            {
                TryDelete(path);
            }

            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Removes the staging directories (and lock files) that dead renders left in <paramref name="outputDirectory"/>.</summary>
    public static void RemoveAbandoned(string outputDirectory)
    {
        foreach (var directory in Directory.EnumerateDirectories(outputDirectory, Prefix + "*"))
        {
            var lockFile = directory + LockSuffix;
            if (File.Exists(lockFile))
            {
                using var owner = TryLock(lockFile);
                if (owner is not null)
                {
                    TryDeleteDirectory(directory);
                }
            }
            else if (Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow - LegacyAge)
            {
                TryDeleteDirectory(directory);
            }
        }

        // Lock files of renders killed before they made their directory, or after they removed it.
        foreach (var lockFile in Directory.EnumerateFiles(outputDirectory, Prefix + "*" + LockSuffix))
        {
            if (!Directory.Exists(lockFile[..^LockSuffix.Length]))
            {
                using var owner = TryLock(lockFile);
                if (owner is not null)
                {
                    TryDelete(lockFile);
                }
            }
        }
    }

    /// <summary>The lock, taken, when its owner is gone; null while a live render holds it.</summary>
    private static FileStream? TryLock(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort: the next render tries again
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort: the original error is the one to report
        }
    }
}
