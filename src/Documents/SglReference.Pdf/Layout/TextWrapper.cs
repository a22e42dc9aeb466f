using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Layout;

/// <summary>Breaks text into lines that fit a width, at spaces, and inside words that are longer than a line.</summary>
internal static class TextWrapper
{
    public static List<string> Wrap(FontSet fonts, string text, FontFace face, double size, double width)
    {
        var lines = new List<string>();
        foreach (var rawParagraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var paragraph = fonts.Printable(rawParagraph).TrimEnd();
            if (paragraph.Length == 0)
            {
                lines.Add(string.Empty);
                continue;
            }

            var line = string.Empty;
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (fonts.Width(candidate, face, size) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && fonts.Width(line, face, size) > width)
                {
                    var cut = FitPrefix(fonts, line, face, size, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        while (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static int FitPrefix(FontSet fonts, string word, FontFace face, double size, double width)
    {
        var cut = 1;
        while (cut < word.Length)
        {
            var next = cut + (char.IsHighSurrogate(word[cut]) ? 2 : 1);
            if (next > word.Length || fonts.Width(word[..next], face, size) > width)
            {
                break;
            }

            cut = next;
        }

        return cut;
    }
}
