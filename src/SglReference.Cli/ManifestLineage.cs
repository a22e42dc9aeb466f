using SglReference.Domain.Documents;

namespace SglReference.Cli;

/// <summary>The documents a previous manifest lists (sgl render --previous): the versions the next revision replaces.</summary>
internal sealed class ManifestLineage : IDocumentLineage
{
    private readonly Manifest _manifest;

    private ManifestLineage(Manifest manifest) => _manifest = manifest;

    public static ManifestLineage Load(string path)
    {
        try
        {
            return new ManifestLineage(Manifest.Parse(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UserException($"cannot read the previous manifest {path}: {ex.Message}", ex);
        }
    }

    public IssuedDocument? Last(string reportId, DocumentFormat format, Audience audience)
    {
        if (_manifest.ReportId != reportId)
        {
            throw new LineageException($"the previous manifest is for report {_manifest.ReportId}, not {reportId}");
        }

        var kind = format == DocumentFormat.N3 ? "cda-n3" : "cda-n1";
        var audienceName = DirectoryLineage.AudienceName(audience);
        var artifact = _manifest.Artifacts.FirstOrDefault(a => a.Kind == kind && a.Audience == audienceName);
        if (artifact is not { DocumentId: { } id, SetId: { } setId, Version: { } version })
        {
            return null;
        }

        // An older manifest has no revision: it is taken as the previous one.
        return new IssuedDocument(format, audience, new DocumentIdentity(id, setId, version), _manifest.Revision ?? 0);
    }
}
