using System.Text;
using System.Xml.Linq;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>samples/Embedding.PdfPig: what a vendor who cannot take the AGPL ships.</summary>
[Trait("Needs", "sdk")]
public sealed class EmbeddingSampleTests
{
    [Fact]
    public void The_pdfpig_sample_publishes_no_pdfsharp_assembly_and_renders_a_pdfa_and_the_cda()
    {
        using var temp = Repo.TempDirectory();
        var publish = ExternalProcess.Run("dotnet", ["publish", Path.Combine(Repo.Root, "samples", "Embedding.PdfPig"), "-c", "Release", "-o", temp.File("app")],
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, publish.All);
        var files = Directory.GetFiles(temp.File("app")).Select(Path.GetFileName).ToList();
        Assert.Contains("UglyToad.PdfPig.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("PdfSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f!.Contains("Pdf.PdfSharp", StringComparison.Ordinal));

        var run = ExternalProcess.Run("dotnet", [temp.File("app/Embedding.PdfPig.dll"), Repo.Fixture("thyroid"), temp.File("out")]);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Apache-2.0", run.StandardOutput, StringComparison.Ordinal);
        var pdf = File.ReadAllBytes(temp.File("out/CR-2026-00105-professional.pdf"));
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal); // ISO 19005-1 §6.1.2: a %PDF-1.n header (PDF/A-1 limits features, not the header digit)
        Assert.Contains("<pdfaid:part>1</pdfaid:part>", text, StringComparison.Ordinal);
        var n3 = XDocument.Load(temp.File("out/CR-2026-00105-professional.n3.xml"));
        Assert.Equal("ClinicalDocument", n3.Root!.Name.LocalName);
        Assert.Contains(n3.Descendants(), e => e.Name.LocalName == "value" && (string?)e.Attribute("mediaType") == "application/pdf");
    }
}
