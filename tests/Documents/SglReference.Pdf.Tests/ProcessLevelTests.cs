using System.Diagnostics;
using System.Text.RegularExpressions;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>
/// What is process-wide — PDFsharp's font resolvers, the JIT mode — tested in fresh processes running
/// <see cref="ProcessScenarios"/>, their PDFs read back with pdffonts, pdftotext and qpdf.
/// </summary>
[Trait("Needs", "poppler")]
public partial class ProcessLevelTests
{
    [Fact]
    public void Rendering_works_with_tiered_compilation_off()
    {
        // perf.md: DOTNET_TieredCompilation=0 made every render fail (PdfSharpLicense's type initializer).
        using var temp = Repo.TempDirectory();
        var run = Scenario("render", temp.Path, ("DOTNET_TieredCompilation", "0"));
        Assert.True(run.ExitCode == 0, run.All);
        var pdf = temp.File("thyroid.pdf");
        Assert.Contains("No syntax or stream encoding errors found", PdfTools.Check(pdf).StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Thyroxine libre (T4L)", PdfTools.RawText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_resolver_installed_and_used_first_keeps_its_fonts_and_ours_render_too()
    {
        // Issue 9: "another PDFsharp font resolver is installed" was thrown here; SglReference now installs none.
        using var temp = Repo.TempDirectory();
        var run = Scenario("vendor-first", temp.Path);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("primary=VendorResolver fallback=none", run.StandardOutput, StringComparison.Ordinal);
        AssertVendorPdf(temp.File("vendor-before.pdf"));
        AssertVendorPdf(temp.File("vendor-after.pdf"));
        AssertOurPdf(temp.File("thyroid.pdf"));
    }

    [Fact]
    public void A_catch_all_host_resolver_does_not_capture_our_fonts()
    {
        // A resolver answering every family (like PDFsharp's failsafe sample) would hand a name-resolved font its own face.
        using var temp = Repo.TempDirectory();
        var run = Scenario("vendor-catch-all-first", temp.Path);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("primary=VendorResolver fallback=none", run.StandardOutput, StringComparison.Ordinal);
        AssertVendorPdf(temp.File("vendor-after.pdf"));
        AssertOurPdf(temp.File("thyroid.pdf"));
    }

    [Fact]
    public void A_host_resolver_installed_after_our_renderer_but_before_any_font_works()
    {
        using var temp = Repo.TempDirectory();
        var run = Scenario("ours-first", temp.Path);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("primary=VendorResolver fallback=none", run.StandardOutput, StringComparison.Ordinal);
        AssertVendorPdf(temp.File("vendor-after.pdf"));
        AssertOurPdf(temp.File("thyroid.pdf"));
    }

    [Fact]
    public void PDFsharp_refuses_any_resolver_installed_after_a_first_render()
    {
        // The one order PDFsharp 6.5 makes impossible, whoever drew first (GlobalFontSettings: "must be called only once
        // and before any font operation"): the host installs its resolver before SglReference's first render.
        using var temp = Repo.TempDirectory();
        var run = Scenario("ours-used-then-vendor", temp.Path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("You must not change font resolver after is was once used", run.StandardError, StringComparison.Ordinal);
        AssertOurPdf(temp.File("thyroid.pdf"));
    }

    private static void AssertVendorPdf(string pdf)
    {
        var fonts = PdfTools.Fonts(pdf);
        Assert.Equal(2, SerifFont().Count(fonts));
        Assert.DoesNotContain("DejaVu Sans", fonts, StringComparison.Ordinal);
        Assert.Contains("Facture du fournisseur Total", PdfTools.RawText(pdf), StringComparison.Ordinal);
    }

    private static void AssertOurPdf(string pdf)
    {
        var fonts = PdfTools.Fonts(pdf);
        Assert.DoesNotMatch(SerifFont(), fonts);
        Assert.Contains("DejaVu Sans,Bold", fonts, StringComparison.Ordinal);
        Assert.Contains("Thyroxine libre (T4L)", PdfTools.RawText(pdf), StringComparison.Ordinal);
    }

    private static ExternalProcess.Result Scenario(string name, string output, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ProcessScenarios).Assembly.Location);
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(output);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scenario {name} did not finish in time");
        }

        return new ExternalProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"DejaVu ?Serif")]
    private static partial Regex SerifFont();
}
