using SglReference.Domain.Presentation;
using System.Globalization;
using System.Text.RegularExpressions;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Layout;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>The 300-result report paginates without losing or splitting a row (read back page by page).</summary>
[Trait("Needs", "poppler")]
public class PaginationTests : IClassFixture<RenderedPdfs>
{
    private readonly RenderedPdfs _pdfs;

    public PaginationTests(RenderedPdfs pdfs) => _pdfs = pdfs;

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Every_row_is_whole_on_one_page_under_its_header(string renderer)
    {
        var report = Repo.Load("large-300");
        var pdf = _pdfs.Path("large-300", renderer, Audience.Professional);
        var pages = PdfTools.Pages(pdf);
        var expected = report.Chapters[0].Batteries.ToDictionary(b => b.Title, b => b.Observations.ToList());
        var found = expected.Keys.ToDictionary(k => k, _ => new List<(string Label, string Value)>());
        string? battery = null;
        var batteryTitles = expected.Keys.OrderByDescending(k => k.Length).ToList();
        var labels = expected.Values.First().Select(o => o.Label).Distinct().OrderByDescending(l => l.Length).ToList();

        for (var page = 1; page <= pages; page++)
        {
            var headerSeen = false;
            foreach (var rawLine in PdfTools.LayoutLines(pdf, page))
            {
                var line = rawLine.Trim();
                if (line.StartsWith("Analyse", StringComparison.Ordinal) && line.Contains("Valeurs de référence", StringComparison.Ordinal))
                {
                    headerSeen = true;
                    continue;
                }

                if (batteryTitles.FirstOrDefault(t => line.StartsWith(t, StringComparison.Ordinal)) is { } title)
                {
                    battery = title;
                    continue;
                }

                if (labels.FirstOrDefault(l => line.StartsWith(l + "  ", StringComparison.Ordinal)) is not { } label || battery is null)
                {
                    continue;
                }

                Assert.True(headerSeen, $"page {page}: row \"{line}\" above any column header");
                var observation = expected[battery].FirstOrDefault(o => o.Label == label && !found[battery].Contains((label, FrenchText.Value(o.Value))));
                Assert.NotNull(observation);
                var value = FrenchText.Value(observation.Value);
                var unit = FrenchText.Unit(observation.Value);
                Assert.Matches(new Regex($"^{Regex.Escape(label)}\\s+{Regex.Escape(value)}( [HL]{{1,2}})?\\s+{Regex.Escape(unit)}(\\s|$)"), line);
                found[battery].Add((label, value));
            }
        }

        Assert.Equal(300, found.Values.Sum(v => v.Count));
        foreach (var (title, observations) in expected)
        {
            Assert.Equal(observations.Select(o => (o.Label, FrenchText.Value(o.Value))), found[title]);
        }
    }

    [Fact]
    public void Layout_is_the_same_for_both_renderers_and_spans_several_pages()
    {
        var report = Repo.Load("large-300");
        var layout = new CrBioPdf(_pdfs.Renderer("pdfpig"), _pdfs.Fonts, DocumentSettings.Default)
            .Layout(report, Audience.Professional, RenderedPdfs.Identity(report, Audience.Professional));
        Assert.Equal(PdfTools.Pages(_pdfs.Path("large-300", "pdfsharp", Audience.Professional)), layout.Pages.Count);
        Assert.Equal(PdfTools.Pages(_pdfs.Path("large-300", "pdfpig", Audience.Professional)), layout.Pages.Count);
        Assert.All(layout.Texts, t => Assert.InRange(t.Baseline, 0, ReportLayout.A4Height));
        Assert.All(layout.Texts, t => Assert.True(t.X + _pdfs.Fonts.Width(t.Text, t.Face, t.Size) <= ReportLayout.A4Width - 41.9, $"\"{t.Text}\" runs into the right margin"));
        _ = CultureInfo.InvariantCulture;
    }
}
