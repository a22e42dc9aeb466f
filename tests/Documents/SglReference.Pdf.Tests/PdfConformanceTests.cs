using SglReference.Domain.Presentation;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Layout;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>Every fixture through both renderers, checked with poppler (pdfinfo, pdffonts, pdftotext) and qpdf.</summary>
[Trait("Needs", "poppler")]
public class PdfConformanceTests : IClassFixture<RenderedPdfs>
{
    private static readonly string[] s_renderers = ["pdfsharp", "pdfpig", "builtin"];
    private readonly RenderedPdfs _pdfs;

    public PdfConformanceTests(RenderedPdfs pdfs) => _pdfs = pdfs;

    public static TheoryData<string, string> FixturesAndRenderers()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Repo.FixtureNames)
        {
            foreach (var renderer in s_renderers)
            {
                data.Add(fixture, renderer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndRenderers))]
    public void Pdf_is_pdfa_1_with_embedded_fonts_and_no_syntax_error(string fixture, string renderer)
    {
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            var pdf = _pdfs.Path(fixture, renderer, audience);
            var meta = PdfTools.Info(pdf, meta: true);
            Assert.Contains("<pdfaid:part>1</pdfaid:part>", meta, StringComparison.Ordinal);
            Assert.Contains(renderer is "pdfsharp" or "builtin" ? "<pdfaid:conformance>A</pdfaid:conformance>" : "<pdfaid:conformance>B</pdfaid:conformance>", meta, StringComparison.Ordinal);

            var info = PdfTools.Info(pdf);
            Assert.Contains("Encrypted:       no", info, StringComparison.Ordinal);
            Assert.Contains("Title:           Compte rendu d'examens biologiques CR-2026-", info, StringComparison.Ordinal);
            Assert.Contains("Author:          " + Repo.Load(fixture).Laboratory.Name, info, StringComparison.Ordinal);
            Assert.Contains("Subject:         Compte rendu d'examens de biologie médicale (CR-Bio)", info, StringComparison.Ordinal);
            if (renderer is "pdfsharp" or "builtin")
            {
                Assert.Contains("Tagged:          yes", info, StringComparison.Ordinal);
            }

            var fonts = PdfTools.Fonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.Equal(2, fonts.Count);
            foreach (var line in fonts)
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("yes", columns[^5]); // emb
                Assert.Contains("DejaVu", line, StringComparison.Ordinal);
            }

            var check = PdfTools.Check(pdf);
            Assert.True(check.ExitCode == 0, check.All);
            Assert.Contains("No syntax or stream encoding errors found", check.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(FixturesAndRenderers))]
    public void Every_value_unit_reference_range_and_name_is_in_the_extracted_text(string fixture, string renderer)
    {
        var report = Repo.Load(fixture);
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            var text = PdfTools.RawText(_pdfs.Path(fixture, renderer, audience));
            foreach (var expected in ExpectedTexts(report))
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" missing from the {audience} PDF of {fixture} ({renderer})");
            }
        }
    }

    [Theory]
    [InlineData("biochemistry")]
    [InlineData("microbiology-urine")]
    [InlineData("special-characters")]
    [InlineData("large-300")]
    public void Both_renderers_print_the_same_text(string fixture)
    {
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            Assert.Equal(PdfTools.RawText(_pdfs.Path(fixture, "pdfsharp", audience)), PdfTools.RawText(_pdfs.Path(fixture, "pdfpig", audience)));
            Assert.Equal(PdfTools.RawText(_pdfs.Path(fixture, "pdfsharp", audience)), PdfTools.RawText(_pdfs.Path(fixture, "builtin", audience)));
        }
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void File_structure_meets_pdfa_1(string renderer)
    {
        foreach (var fixture in new[] { "biochemistry", "large-300" })
        {
            var (objects, trailer) = PdfTools.Objects(_pdfs.Path(fixture, renderer, Audience.Professional));
            Assert.Equal(2, trailer.GetProperty("/ID").GetArrayLength());
            Assert.False(trailer.TryGetProperty("/Encrypt", out _));
            var catalog = objects.Values.Select(Dictionary).Single(d => d.TryGetProperty("/Type", out var t) && t.GetString() == "/Catalog");
            var intent = catalog.GetProperty("/OutputIntents")[0];
            var intentDict = intent.ValueKind == System.Text.Json.JsonValueKind.String ? Dictionary(objects[intent.GetString()!]) : intent;
            Assert.Equal("/GTS_PDFA1", intentDict.GetProperty("/S").GetString());
            Assert.True(intentDict.TryGetProperty("/DestOutputProfile", out _));
            var metadata = objects[catalog.GetProperty("/Metadata").GetString()!];
            Assert.False(metadata.GetProperty("stream").GetProperty("dict").TryGetProperty("/Filter", out _), "PDF/A-1 metadata streams are not filtered");
            foreach (var (id, value) in objects)
            {
                var raw = value.GetRawText();
                Assert.DoesNotContain("\"/JavaScript\"", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("\"/Encrypt\"", raw, StringComparison.Ordinal);
                if (Dictionary(value) is { ValueKind: System.Text.Json.JsonValueKind.Object } dict)
                {
                    if (dict.TryGetProperty("/SMask", out var smask))
                    {
                        Assert.Equal("/None", smask.GetString());
                    }

                    foreach (var alpha in new[] { "/CA", "/ca" })
                    {
                        if (dict.TryGetProperty(alpha, out var a))
                        {
                            Assert.True(a.GetDouble() == 1.0, $"object {id}: {alpha} {a} is transparency");
                        }
                    }

                    if (dict.TryGetProperty("/S", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        Assert.NotEqual("/Transparency", s.GetString());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Every_page_shows_its_number_the_total_and_the_document_id(string renderer)
    {
        var report = Repo.Load("large-300");
        var pdf = _pdfs.Path("large-300", renderer, Audience.Patient);
        var pages = PdfTools.Pages(pdf);
        Assert.True(pages > 3);
        var id = RenderedPdfs.Identity(report, Audience.Patient).Id;
        for (var page = 1; page <= pages; page++)
        {
            var text = PdfTools.RawText(pdf, page);
            Assert.Contains($"Page {page} / {pages}", text, StringComparison.Ordinal);
            Assert.Contains("Document " + id, text, StringComparison.Ordinal);
            Assert.Contains("Version patient", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Versions_differ_where_the_lab_configured_them(string renderer)
    {
        var professional = PdfTools.RawText(_pdfs.Path("biochemistry", renderer, Audience.Professional));
        var patient = PdfTools.RawText(_pdfs.Path("biochemistry", renderer, Audience.Patient));
        const string interpretation = "Insuffisance rénale légère (stade 2)";
        Assert.Contains("Version professionnel de santé", professional, StringComparison.Ordinal);
        Assert.Contains("Version patient", patient, StringComparison.Ordinal);
        Assert.Contains(interpretation, professional, StringComparison.Ordinal);
        Assert.DoesNotContain(interpretation, patient, StringComparison.Ordinal);
        const string technical = "Hémolyse légère";
        Assert.Contains(technical, patient, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void The_ins_is_printed_only_for_a_qualified_identity(string renderer)
    {
        var qualified = Repo.Load("thyroid").Patient;
        Assert.Contains("INS : " + qualified.Ins!.Matricule, PdfTools.RawText(_pdfs.Path("thyroid", renderer, Audience.Patient)), StringComparison.Ordinal);
        var unqualified = Repo.Load("unqualified-ins").Patient;
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            var text = PdfTools.RawText(_pdfs.Path("unqualified-ins", renderer, audience));
            Assert.DoesNotContain(unqualified.Ins!.Matricule, text, StringComparison.Ordinal);
            Assert.Contains("IPP : " + unqualified.Ipp.Value, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Abnormal_values_carry_a_marker_not_only_a_style(string renderer)
    {
        var text = PdfTools.RawText(_pdfs.Path("thyroid", renderer, Audience.Professional));
        Assert.Contains("7,67 L pg/mL", text, StringComparison.Ordinal);
        Assert.Contains("1,950 m", text, StringComparison.Ordinal); // normal: no marker between value and unit
        var cbc = PdfTools.RawText(_pdfs.Path("hospital-stay", renderer, Audience.Professional));
        Assert.Contains("86 HH ng/L", cbc, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Special_characters_are_printed_and_uncovered_ones_replaced(string renderer)
    {
        var text = PdfTools.RawText(_pdfs.Path("special-characters", renderer, Audience.Professional));
        Assert.Contains("]]>", text, StringComparison.Ordinal);
        Assert.Contains("|^~\\&", text, StringComparison.Ordinal);
        Assert.Contains("µ, ≤, ≥, €", text, StringComparison.Ordinal);
        Assert.Contains("<b>non interprétées</b>", text, StringComparison.Ordinal);
        Assert.Contains("émoji \uFFFD ;", text, StringComparison.Ordinal); // 🧪 is not in DejaVu Sans: U+FFFD, not a silent gap
        Assert.DoesNotContain("🧪", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Subcontracted_analyses_name_the_performing_lab(string renderer)
    {
        var text = PdfTools.RawText(_pdfs.Path("subcontracted", renderer, Audience.Patient));
        Assert.Contains("Analyse transmise : réalisée par Laboratoire spécialisé du Val de Seine, FINESS 750012346, Paris", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Validation_and_biologist_are_printed(string renderer)
    {
        var text = PdfTools.RawText(_pdfs.Path("biochemistry", renderer, Audience.Patient));
        Assert.Contains("Compte rendu validé le 20/11/2026 à 16:05 par DR Hélène MARCHAND", text, StringComparison.Ordinal);
        Assert.Contains("Accréditation COFRAC Examens médicaux n° 8-4521", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdfsharp")]
    [InlineData("pdfpig")]
    [InlineData("builtin")]
    public void Rendering_is_a_pure_function_byte_for_byte(string renderer)
    {
        // The libraries draw random subset tags, XMP UUIDs and trailer IDs; ReproducibleOutput derives them from the document.
        var report = Repo.Load("microbiology-urine");
        byte[] Render() => new CrBioPdf(_pdfs.Renderer(renderer), _pdfs.Fonts, DocumentSettings.Default)
            .Render(report, Audience.Professional, RenderedPdfs.Identity(report, Audience.Professional));
        var first = Render();
        Assert.Equal(first, Render());
        var other = new CrBioPdf(_pdfs.Renderer(renderer), _pdfs.Fonts, DocumentSettings.Default)
            .Render(report, Audience.Patient, RenderedPdfs.Identity(report, Audience.Patient));
        Assert.NotEqual(PdfTools.TrailerId(first), PdfTools.TrailerId(other));
    }

    [Fact]
    public void The_builtin_writer_gives_the_same_bytes_whatever_it_rendered_before_on_the_thread()
    {
        // The built-in writer keeps each face's last subset per thread for the next version of the report: a document
        // rendered after another one with other characters is byte for byte what a thread that rendered nothing makes.
        var urine = Repo.Load("microbiology-urine");
        var special = Repo.Load("special-characters");
        byte[] Render(LabReport report, Audience audience) => new CrBioPdf(_pdfs.Renderer("builtin"), _pdfs.Fonts, DocumentSettings.Default)
            .Render(report, audience, RenderedPdfs.Identity(report, audience));
        byte[] OnFreshThread(LabReport report, Audience audience)
        {
            byte[] pdf = [];
            var thread = new Thread(() => pdf = Render(report, audience));
            thread.Start();
            thread.Join();
            return pdf;
        }

        var sequence = new[] { (urine, Audience.Professional), (urine, Audience.Patient), (special, Audience.Professional), (urine, Audience.Professional), (special, Audience.Patient) };
        foreach (var (report, audience) in sequence)
        {
            Assert.Equal(OnFreshThread(report, audience), Render(report, audience));
        }
    }

    internal static IEnumerable<string> ExpectedTexts(LabReport report)
    {
        var p = report.Patient;
        yield return p.BirthName;
        foreach (var given in p.BirthGivenNames)
        {
            yield return given;
        }

        if (p.UsedName is { } used)
        {
            yield return used;
        }

        if (p.UsedGivenName is { } usedGiven)
        {
            yield return usedGiven;
        }

        foreach (var (_, _, o) in report.AllObservations())
        {
            yield return PdfTools.Normalize(o.Label);
            if (o.Status != ResultStatus.Cancelled)
            {
                yield return PdfTools.Normalize(Printable(FrenchText.Value(o.Value)));
            }

            var unit = FrenchText.Unit(o.Value);
            if (unit.Length > 0)
            {
                yield return PdfTools.Normalize(unit);
            }

            foreach (var range in o.ReferenceRanges)
            {
                yield return PdfTools.Normalize(FrenchText.Limits(range, unit));
            }
        }

        foreach (var isolate in report.Chapters.SelectMany(c => c.Batteries).SelectMany(b => b.Isolates))
        {
            yield return isolate.Organism.Display;
            foreach (var s in isolate.Antibiogram)
            {
                yield return s.Antibiotic.Display;
                if (s.Mic is { } mic)
                {
                    yield return FrenchText.Quantity(mic) + " " + mic.PrintUnit;
                }
            }
        }
    }

    private static string Printable(string text) => text.Replace("\t", "    ", StringComparison.Ordinal);

    private static System.Text.Json.JsonElement Dictionary(System.Text.Json.JsonElement obj) =>
        obj.TryGetProperty("value", out var v) ? v : obj.TryGetProperty("stream", out var s) ? s.GetProperty("dict") : default;
}
