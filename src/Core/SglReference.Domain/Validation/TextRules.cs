namespace SglReference.Domain.Validation;

/// <summary>
/// Rules for free text: every string must survive XML 1.0, HL7 v2 and MIME, so C0 control characters other than
/// tab, line feed and carriage return, lone surrogates and U+FFFE/U+FFFF are refused.
/// </summary>
public static class TextRules
{
    /// <summary>Longest name (family, given, organization).</summary>
    public const int NameMaxLength = 200;
    /// <summary>Longest label (test label, title, method).</summary>
    public const int LabelMaxLength = 500;
    /// <summary>Longest comment.</summary>
    public const int CommentMaxLength = 20_000;
    /// <summary>Longest identifier (order number, report id, specimen id).</summary>
    public const int IdentifierMaxLength = 64;

    /// <summary>Checks <paramref name="text"/>; null when valid.</summary>
    public static RuleViolation? Check(string text, int maxLength, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RuleViolation(ErrorCodes.Text, "must not be empty");
        }

        if (text.Length > maxLength)
        {
            return new RuleViolation(ErrorCodes.Text, $"must have at most {maxLength} characters, found {text.Length}");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c == '\t' || (multiline && c is '\n' or '\r'))
                {
                    continue;
                }

                return new RuleViolation(ErrorCodes.Text, $"control character U+{(int)c:X4} at position {i + 1} is not allowed{(multiline ? string.Empty : " (single-line field)")}");
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return new RuleViolation(ErrorCodes.Text, $"lone surrogate at position {i + 1}");
            }

            if (char.IsLowSurrogate(c))
            {
                return new RuleViolation(ErrorCodes.Text, $"lone surrogate at position {i + 1}");
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return new RuleViolation(ErrorCodes.Text, $"non-character U+{(int)c:X4} at position {i + 1}");
            }
        }

        return null;
    }

    /// <summary>Checks an identifier used in file names and document ids: letters, digits, '.', '_', '-'.</summary>
    public static RuleViolation? CheckIdentifier(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is 0 or > IdentifierMaxLength)
        {
            return new RuleViolation(ErrorCodes.Text, $"must have 1 to {IdentifierMaxLength} characters");
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return new RuleViolation(ErrorCodes.Text, $"may hold only ASCII letters, digits, '.', '_' and '-', found '{c}'");
            }
        }

        return null;
    }
}
