namespace SglReference.Cli;

/// <summary>
/// Writes a set of files into an output directory all or nothing: every file goes to a staging directory first,
/// then each is moved into place, manifest last. A failure leaves the output directory as it was.
/// </summary>
internal static class OutputStaging
{
    public static void Commit(string outputDirectory, IReadOnlyList<(string RelativePath, ReadOnlyMemory<byte> Content)> files)
    {
        Directory.CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, ".sgl-staging-" + Guid.NewGuid().ToString("N"));
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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: the original error is the one to report
        }
    }
}
