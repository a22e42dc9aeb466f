using System.Text;
using MimeKit;

namespace SglReference.Mss.Messages;

/// <summary>
/// Writes the header fields that carry names (Subject, and the display names of From and To) ourselves, per RFC 2047:
/// every word that is not plain printable ASCII, or that looks like an encoded-word ("=?"), is encoded as UTF-8 "B"
/// encoded-words, so that a mail client decodes exactly the text we had — never an encoded-word a name smuggled in
/// (decoded, "=?utf-8?q?=0D=0ABcc:...?=" would forge a line in the Subject). Plain words stay readable.
/// </summary>
internal static class HeaderText
{
    // "=?UTF-8?B?" + 60 base64 characters (45 bytes) + "?=": 72 characters, within the 75 RFC 2047 allows.
    private const int BytesPerWord = 45;

    /// <summary>Sets <paramref name="id"/> (Subject) to <paramref name="text"/>, encoded by us.</summary>
    public static void SetUnstructured(MimeMessage message, HeaderId id, string text) =>
        SetRaw(message, id, Encode(text));

    /// <summary>Sets an address header to the mailboxes, their display names encoded by us.</summary>
    public static void SetMailboxes(MimeMessage message, HeaderId id, IEnumerable<(string? Name, string Address)> mailboxes)
    {
        var parts = mailboxes.Select(m => string.IsNullOrWhiteSpace(m.Name) ? m.Address : $"{Phrase(m.Name)} <{m.Address}>");
        SetRaw(message, id, string.Join(",\r\n ", parts));
    }

    /// <summary>True when <paramref name="word"/> can be written as it is.</summary>
    public static bool IsPlain(string word)
    {
        foreach (var c in word)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return !word.Contains("=?", StringComparison.Ordinal);
    }

    /// <summary>
    /// Unstructured text: plain words as they are, runs of other words as encoded-words (the spaces between them
    /// inside: decoders drop the whitespace between two encoded-words), folded before 78 characters where it can be.
    /// </summary>
    public static string Encode(string text, int firstLineUsed = 9)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ');
        var tokens = new List<string>();
        var i = 0;
        while (i < words.Length)
        {
            if (IsPlain(words[i]))
            {
                tokens.Add(words[i++]);
                continue;
            }

            var run = new StringBuilder(words[i++]);
            while (i < words.Length && !IsPlain(words[i]))
            {
                run.Append(' ').Append(words[i++]);
            }

            tokens.Add(EncodedWords(run.ToString()));
        }

        var output = new StringBuilder(text.Length + 32);
        var line = firstLineUsed;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var firstPart = token.IndexOf('\r', StringComparison.Ordinal) is var cut and >= 0 ? cut : token.Length;
            if (t > 0)
            {
                if (line + 1 + firstPart > 76)
                {
                    output.Append("\r\n ");
                    line = 1;
                }
                else
                {
                    output.Append(' ');
                    line++;
                }
            }

            output.Append(token);
            var lastBreak = token.LastIndexOf('\n');
            line = lastBreak < 0 ? line + token.Length : token.Length - lastBreak - 1;
        }

        return output.ToString();
    }

    /// <summary>A display name: a quoted string when it is plain ASCII, encoded-words otherwise.</summary>
    public static string Phrase(string name)
    {
        var plain = name.All(c => c is >= ' ' and <= '~') && !name.Contains("=?", StringComparison.Ordinal);
        return plain ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : EncodedWords(name);
    }

    /// <summary>The text as UTF-8 "B" encoded-words, folded, each holding whole characters.</summary>
    public static string EncodedWords(string text)
    {
        var words = new List<string>();
        var bytes = new List<byte>(BytesPerWord);
        Span<byte> rune = stackalloc byte[4];
        foreach (var r in text.EnumerateRunes())
        {
            var length = r.EncodeToUtf8(rune);
            if (bytes.Count + length > BytesPerWord)
            {
                words.Add(Word(bytes));
                bytes.Clear();
            }

            for (var b = 0; b < length; b++)
            {
                bytes.Add(rune[b]);
            }
        }

        if (bytes.Count > 0 || words.Count == 0)
        {
            words.Add(Word(bytes));
        }

        return string.Join("\r\n ", words);
    }

    private static string Word(List<byte> bytes) => "=?UTF-8?B?" + Convert.ToBase64String(bytes.ToArray()) + "?=";

    private static void SetRaw(MimeMessage message, HeaderId id, string value)
    {
        var header = new Header(id, "x");
        header.SetRawValue(Encoding.ASCII.GetBytes(" " + value + "\r\n"));
        message.Headers.Replace(header);
    }
}
