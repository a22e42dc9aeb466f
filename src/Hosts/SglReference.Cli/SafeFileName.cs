using System.Text;
using SglReference.Domain.Documents;

namespace SglReference.Cli;

/// <summary>
/// A file name for an arbitrary id: its safe characters kept (readable), the others replaced, and a short hash of the
/// exact id appended whenever anything was replaced or the name was cut, so that two ids never share a file.
/// </summary>
internal static class SafeFileName
{
    private const int DefaultReadable = 96;

    /// <summary>The name of <paramref name="id"/>: at most <paramref name="maxReadable"/> + 21 characters.</summary>
    public static string For(string id, int maxReadable = DefaultReadable)
    {
        ArgumentNullException.ThrowIfNull(id);
        var b = new StringBuilder(Math.Min(id.Length, maxReadable) + 21);
        var changed = id.Length == 0 || id.Length > maxReadable || id[0] == '.';
        foreach (var c in id.AsSpan(0, Math.Min(id.Length, maxReadable)))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            {
                b.Append(c);
            }
            else
            {
                b.Append('_');
                changed = true;
            }
        }

        if (changed)
        {
            b.Append('~').Append(DerivedIds.Number("file|" + id));
        }

        return b.ToString();
    }
}
