using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using SglReference.Pdf.Archival;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.Layout;

namespace SglReference.Pdf.PdfSharp;

/// <summary>
/// Draws the layout with PDFsharp 6.5: PDF/A-1a (<c>SetPdfA</c>) with the tagged structure PDF/A-1a needs
/// (headings, paragraphs, table rows and cells; page furniture as artifacts), fonts embedded as subsets, document
/// language fr-FR. PDFsharp writes the streams uncompressed (its own Flate streams lack their end and Adler-32
/// trailer, which qpdf reports); <see cref="PdfA1Finisher"/> then subsets the fonts for real, adds their /CIDSet and
/// compresses every stream.
/// </summary>
public sealed class PdfSharpRenderer : IPdfRenderer
{
    private static readonly XStringFormat s_baseline = new() { Alignment = XStringAlignment.Near, LineAlignment = XLineAlignment.BaseLine };
    private readonly Lazy<XGlyphTypeface> _regular;
    private readonly Lazy<XGlyphTypeface> _bold;

    /// <summary>Installs the licence (PDFsharp refuses to run without one) and registers the fonts.</summary>
    public PdfSharpRenderer(PdfSharpLicence licence, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentNullException.ThrowIfNull(fonts);
        Licence = licence;
        InitializeLicensing();
        if (licence.LicenceFile is { } file)
        {
            string key;
            try
            {
                key = File.ReadAllText(file).Trim();
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException($"cannot read the PDFsharp licence file {file}: {ex.Message}", ex);
            }

            try
            {
                PdfSharpLicense.LoadLicense(key);
            }
#pragma warning disable CA1031 // PDFsharp throws System.Exception for a key it cannot read
            catch (Exception ex)
#pragma warning restore CA1031
            {
                throw new InvalidOperationException($"PDFsharp refuses the licence \"{licence}\": {ex.Message}", ex);
            }
        }
        else
        {
            PdfSharpLicense.SetAgplLicense();
        }

        ProbeLicence(licence);
        _regular = new(() => Typeface(fonts, FontFace.Regular));
        _bold = new(() => Typeface(fonts, FontFace.Bold));
    }

    /// <summary>
    /// The face PDFsharp draws with, made from the font bytes themselves (<see cref="XFontSource"/>), so that no
    /// PDFsharp font resolver is involved: the process-wide <c>GlobalFontSettings.FontResolver</c> and
    /// <c>FallbackFontResolver</c> stay the host application's, in whatever order it installs them — before SglReference's
    /// first render, PDFsharp refusing any resolver change once a font was used. Made at the first render, not here,
    /// so that creating the renderer leaves the host free to install its resolvers.
    /// </summary>
    private static XGlyphTypeface Typeface(FontSet fonts, FontFace face)
    {
        try
        {
            return new XGlyphTypeface(XFontSource.GetOrCreateFrom(fonts.Bytes(face).ToArray()));
        }
        catch (ArgumentException ex)
        {
            // PDFsharp caches font sources by name: a host that registered another file under the same font name.
            throw new InvalidOperationException($"PDFsharp already holds another font named like {(face == FontFace.Bold ? FontSet.BoldFile : FontSet.RegularFile)} in {fonts.Folder} (registered by the host application's font resolver): give SglReference the same font files", ex);
        }
    }

    /// <summary>
    /// PDFsharp's <c>PdfSharpLicense</c> checks, in its static constructor, that it is called from the PDFsharp assembly
    /// (<c>Assembly.GetCallingAssembly</c>). Fully optimised code (<c>DOTNET_TieredCompilation=0</c>, ReadyToRun without
    /// tiering) compiles that constructor's only call as a tail call, so the check sees whichever method first touched the
    /// type: when that is this assembly's <c>PdfSharpLicense.SetAgplLicense()</c> call, every render fails with a
    /// TypeInitializationException. So the type is first touched from PDFsharp's own code, the <see cref="PdfDocument"/>
    /// constructor (which checks the licence), invoked through <see cref="Activator"/> so that it cannot be inlined here.
    /// </summary>
    private static void InitializeLicensing()
    {
        try
        {
            (Activator.CreateInstance(typeof(PdfDocument)) as IDisposable)?.Dispose();
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is global::PdfSharp.License.PdfSharpLicenseException)
        {
            // No licence chosen yet: expected, and the licence type is now initialised.
        }
    }

    /// <summary>PDFsharp checks its licence when it saves: save an empty document now, so that a bad licence fails at start.</summary>
    private static void ProbeLicence(PdfSharpLicence licence)
    {
        try
        {
            using var probe = new PdfDocument();
            probe.AddPage();
            using var sink = new MemoryStream();
            probe.Save(sink, closeStream: false);
        }
        catch (global::PdfSharp.License.PdfSharpLicenseException ex)
        {
            throw new InvalidOperationException($"PDFsharp refuses the licence \"{licence}\": {ex.Message}", ex);
        }
    }

    /// <summary>The licence in force.</summary>
    public PdfSharpLicence Licence { get; }

    /// <inheritdoc />
    public string Name => "pdfsharp";

    /// <inheritdoc />
    public PdfConformance Conformance => PdfConformance.PdfA1A;

    /// <inheritdoc />
    public string LicenceNotice => Licence.LicenceFile is null
        ? "PDF renderer: PDFsharp 6.5 under the AGPL-3.0 (licence: agpl)"
        : $"PDF renderer: PDFsharp 6.5 under a commercial licence (licence file: {Licence.LicenceFile})";

    /// <inheritdoc />
    public byte[] Render(ReportLayout layout) => PdfA1Finisher.Finish(Draw(layout));

    /// <summary>The file PDFsharp writes for <paramref name="layout"/>, its random values made reproducible, before the finish.</summary>
    internal byte[] Draw(ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var document = new PdfDocument();
        document.SetPdfA();
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var info = document.Info;
        info.Title = layout.Metadata.Title;
        info.Author = layout.Metadata.Author;
        info.Subject = layout.Metadata.Subject;
        info.Keywords = layout.Metadata.Keywords;
        info.Creator = layout.Metadata.Creator;
        info.CreationDate = layout.Metadata.CreationDate.UtcDateTime;
        info.ModificationDate = layout.Metadata.CreationDate.UtcDateTime;

        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(layout.Metadata.Language);
        var structure = accessibility.StructureBuilder;
        var fonts = new Dictionary<(FontFace, double), XFont>();

        foreach (var layoutPage in layout.Pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(layout.PageWidth);
            page.Height = XUnit.FromPoint(layout.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            var inTable = false;
            foreach (var block in layoutPage.Blocks)
            {
                var isRow = block.Role is StructureRole.TableRow or StructureRole.TableHeaderRow;
                if (inTable && !isRow)
                {
                    structure.End();
                    inTable = false;
                }

                var shapes = block.Items.Where(i => i is not TextItem).ToList();
                if (shapes.Count > 0 || block.Role == StructureRole.Artifact)
                {
                    structure.BeginArtifact();
                    foreach (var item in block.Role == StructureRole.Artifact ? block.Items : shapes)
                    {
                        Draw(graphics, item, fonts);
                    }

                    structure.End();
                }

                if (block.Role == StructureRole.Artifact)
                {
                    continue;
                }

                var texts = block.Items.OfType<TextItem>().ToList();
                if (texts.Count == 0)
                {
                    continue;
                }

                if (isRow)
                {
                    if (!inTable)
                    {
                        structure.BeginElement(PdfBlockLevelElementTag.Table);
                        inTable = true;
                    }

                    structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                    foreach (var text in texts)
                    {
                        structure.BeginElement(block.Role == StructureRole.TableHeaderRow ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                        Draw(graphics, text, fonts);
                        structure.End();
                    }

                    structure.End();
                    continue;
                }

                structure.BeginElement(block.Role switch
                {
                    StructureRole.Title => PdfBlockLevelElementTag.Heading1,
                    StructureRole.Heading => PdfBlockLevelElementTag.Heading2,
                    StructureRole.Subheading => PdfBlockLevelElementTag.Heading3,
                    _ => PdfBlockLevelElementTag.Paragraph,
                });
                foreach (var text in texts)
                {
                    Draw(graphics, text, fonts);
                }

                structure.End();
            }

            if (inTable)
            {
                structure.End();
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var pdf = output.ToArray();
        ReproducibleOutput.Apply(pdf, ReproducibleOutput.Seed(layout));
        return pdf;
    }

    private void Draw(XGraphics graphics, LayoutItem item, Dictionary<(FontFace, double), XFont> fonts)
    {
        switch (item)
        {
            case TextItem text:
                if (!fonts.TryGetValue((text.Face, text.Size), out var font))
                {
                    font = new XFont(text.Face == FontFace.Bold ? _bold.Value : _regular.Value, text.Size, new XPdfFontOptions(PdfFontEncoding.Unicode));
                    fonts[(text.Face, text.Size)] = font;
                }

                graphics.DrawString(text.Text, font, new XSolidBrush(Color(text.Color)), text.X, text.Baseline, s_baseline);
                break;
            case LineItem line:
                graphics.DrawLine(new XPen(Color(line.Color), line.Width), line.X1, line.Y1, line.X2, line.Y2);
                break;
            case RectItem rect:
                var pen = rect.Stroke is { } stroke ? new XPen(Color(stroke), rect.StrokeWidth) : null;
                var brush = rect.Fill is { } fill ? new XSolidBrush(Color(fill)) : null;
                if (pen is not null && brush is not null)
                {
                    graphics.DrawRectangle(pen, brush, rect.X, rect.Y, rect.Width, rect.Height);
                }
                else if (brush is not null)
                {
                    graphics.DrawRectangle(brush, rect.X, rect.Y, rect.Width, rect.Height);
                }
                else if (pen is not null)
                {
                    graphics.DrawRectangle(pen, rect.X, rect.Y, rect.Width, rect.Height);
                }

                break;
        }
    }

    private static XColor Color(Rgb rgb) => XColor.FromArgb(rgb.R, rgb.G, rgb.B);
}
