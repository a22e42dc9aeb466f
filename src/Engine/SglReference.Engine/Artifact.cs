using SglReference.Domain.Documents;

namespace SglReference.Engine;

/// <summary>One file of a rendered package, as the CLI writes it and the manifest lists it.</summary>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message, dmp-iti41.</param>
/// <param name="Audience">The version it belongs to.</param>
/// <param name="FileName">Suggested file name.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Document">The document it is or carries (for a PDF: the N3 document of its version, whose id it prints).</param>
/// <param name="Channel">The channel whose message it is or travels in; null for the documents themselves.</param>
public sealed record Artifact(string Kind, Audience Audience, string FileName, string MediaType, ReadOnlyMemory<byte> Content, DocumentIdentity? Document, string? Channel = null)
{
    /// <summary>"professional", "patient", or null for the single version.</summary>
    public string? AudienceName => Audience switch
    {
        Audience.Professional => "professional",
        Audience.Patient => "patient",
        _ => null,
    };
}
