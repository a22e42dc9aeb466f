using SglReference.Domain.Documents;
using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>The documents a previous manifest lists (sgl render --previous): the versions the next revision replaces.</summary>
internal static class ManifestLineage
{
    /// <summary>The issued documents of <paramref name="reportId"/> the manifest at <paramref name="path"/> lists; exit 2 when it is not a valid manifest of that report.</summary>
    public static IReadOnlyList<IssuedDocument> Load(string path, string reportId)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"cannot read the previous manifest {path}: {ex.Message}", ex);
        }

        var (manifest, errors) = Manifest.Read(bytes, "--previous");
        if (manifest is null)
        {
            throw new InvalidInputException(errors);
        }

        if (manifest.ReportId != reportId)
        {
            throw new InvalidInputException([new ValidationError("--previous.reportId", $"the previous manifest is for report {manifest.ReportId}, not {reportId}", ErrorCodes.Consistency)]);
        }

        var issued = new List<IssuedDocument>();
        foreach (var artifact in manifest.Artifacts)
        {
            var format = artifact.Kind switch
            {
                "cda-n3" => DocumentFormat.N3,
                "cda-n1" => (DocumentFormat?)DocumentFormat.N1,
                _ => null,
            };
            if (format is null || artifact is not { DocumentId: { } id, SetId: { } setId, Version: { } version })
            {
                continue;
            }

            var audience = artifact.Audience switch
            {
                "professional" => Audience.Professional,
                "patient" => Audience.Patient,
                _ => Audience.All,
            };

            // An older manifest has no revision: it is taken as the previous one.
            issued.Add(new IssuedDocument(format.Value, audience, new DocumentIdentity(id, setId, version, artifact.Replaces), manifest.Revision ?? 0));
        }

        return issued;
    }
}
