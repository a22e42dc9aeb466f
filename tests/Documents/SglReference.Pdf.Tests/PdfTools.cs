using System.Text.Json;
using System.Text.RegularExpressions;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>Poppler and qpdf, the independent tools the PDF tests trust.</summary>
internal static partial class PdfTools
{
    public static string Info(string pdf, bool meta = false) => Run("pdfinfo", meta ? ["-meta", pdf] : [pdf]);

    public static string Fonts(string pdf) => Run("pdffonts", [pdf]);

    /// <summary>Text in content-stream order (cells stay whole), whitespace collapsed.</summary>
    public static string RawText(string pdf, int? page = null) =>
        Normalize(Run("pdftotext", page is { } p ? ["-raw", "-enc", "UTF-8", "-f", $"{p}", "-l", $"{p}", pdf, "-"] : ["-raw", "-enc", "UTF-8", pdf, "-"]));

    /// <summary>Text of one page laid out as printed, one visual line per line.</summary>
    public static string[] LayoutLines(string pdf, int page) =>
        Run("pdftotext", ["-layout", "-enc", "UTF-8", "-f", $"{page}", "-l", $"{page}", pdf, "-"]).Split('\n');

    public static int Pages(string pdf) => int.Parse(PagesLine().Match(Info(pdf)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static ExternalProcess.Result Check(string pdf) => ExternalProcess.Run("qpdf", ["--check", pdf]);

    /// <summary>The objects and trailer of the file, from qpdf's JSON.</summary>
    public static (Dictionary<string, JsonElement> Objects, JsonElement Trailer) Objects(string pdf)
    {
        var json = Run("qpdf", ["--json=2", "--json-key=qpdf", pdf]);
        var root = JsonDocument.Parse(json).RootElement.GetProperty("qpdf")[1];
        var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement trailer = default;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "trailer")
            {
                trailer = property.Value.GetProperty("value");
            }
            else
            {
                objects[property.Name[4..]] = property.Value;
            }
        }

        return (objects, trailer);
    }

    /// <summary>The first trailer /ID string of a PDF's bytes.</summary>
    public static string TrailerId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID", StringComparison.Ordinal);
        var open = text.IndexOf('<', at);
        return text[(open + 1)..text.IndexOf('>', open)];
    }

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Run(string tool, string[] args)
    {
        var result = ExternalProcess.Run(tool, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({result.ExitCode}): {result.StandardError}");
        }

        return result.StandardOutput;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
