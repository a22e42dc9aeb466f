namespace SglReference.Pdf.PdfSharp;

/// <summary>
/// The licence under which PDFsharp 6.5 runs (it refuses to render without one): the AGPL-3.0 (your service must then
/// offer its source to its users), or a commercial licence key file bought from empira.
/// </summary>
public sealed record PdfSharpLicence
{
    private PdfSharpLicence(string? licenceFile) => LicenceFile = licenceFile;

    /// <summary>The AGPL-3.0.</summary>
    public static PdfSharpLicence Agpl { get; } = new((string?)null);

    /// <summary>The commercial licence key file (its content is the base64 key empira delivers).</summary>
    public string? LicenceFile { get; }

    /// <summary>A commercial licence read from <paramref name="path"/>.</summary>
    public static PdfSharpLicence Commercial(string path) => new(path ?? throw new ArgumentNullException(nameof(path)));

    /// <summary>"agpl" or the file path, as in the configuration.</summary>
    public override string ToString() => LicenceFile ?? "agpl";
}
