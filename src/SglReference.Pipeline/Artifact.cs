using SglReference.Domain.Documents;

namespace SglReference.Pipeline;

/// <summary>One file produced for a report.</summary>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message.</param>
/// <param name="Audience">The version it belongs to.</param>
/// <param name="FileName">Suggested file name.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Document">The document it is or carries (for a PDF: the N3 document of its version, whose id it prints).</param>
public sealed record Artifact(string Kind, Audience Audience, string FileName, string MediaType, byte[] Content, DocumentIdentity? Document)
{
    /// <summary>"professional", "patient", or null for the single version.</summary>
    public string? AudienceName => Audience switch
    {
        Audience.Professional => "professional",
        Audience.Patient => "patient",
        _ => null,
    };
}
