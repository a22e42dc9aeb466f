using System.Text;
using System.Text.RegularExpressions;
using SglReference.Domain.Identifiers;

namespace SglReference.Delivery;

/// <summary>
/// What the outbox and the audit trail store of a peer's answer: one line of at most 500 characters, control characters
/// escaped, patient mailboxes (their local part is the INS) and anything shaped like a NIR (13 or 15 digits) masked —
/// whatever the transport already did, no patient data reaches lastError.
/// </summary>
public static partial class ErrorText
{
    /// <summary>The longest text kept.</summary>
    public const int MaxLength = 500;

    /// <summary>The safe form of <paramref name="text"/>.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var redacted = LongDigits().Replace(MssanteAddress.RedactPatientMailboxes(text), "[redacted]");
        var builder = new StringBuilder(Math.Min(redacted.Length, MaxLength + 16));
        foreach (var c in redacted)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"(?<!\d)(\d{13}|\d{15})(?!\d)")]
    private static partial Regex LongDigits();
}
