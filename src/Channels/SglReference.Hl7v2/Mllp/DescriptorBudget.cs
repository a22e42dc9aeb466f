using System.Globalization;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// How many file descriptors the process may still open (Linux: /proc/self/limits and /proc/self/fd). Each connection
/// holds one: a listener allowed more connections than the process has descriptors would run out of them, and the
/// runtime aborts when it cannot open what it needs. Unknown (null) where /proc is not there.
/// </summary>
internal static class DescriptorBudget
{
    /// <summary>Descriptors kept for everything else the process opens (journal files, assemblies, TLS, logs).</summary>
    public const int Reserve = 32;

    /// <summary>The soft limit and the descriptors open now, or null when unknown.</summary>
    public static (long Limit, int Open)? Current()
    {
        try
        {
            if (!File.Exists("/proc/self/limits"))
            {
                return null;
            }

            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    if (!long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                    {
                        return null; // "unlimited"
                    }

                    return (limit, Directory.GetFileSystemEntries("/proc/self/fd").Length);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
