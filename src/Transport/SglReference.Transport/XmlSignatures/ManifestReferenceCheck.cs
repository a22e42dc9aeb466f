namespace SglReference.Transport.XmlSignatures;

/// <summary>What checking one Reference of the IHE manifest found.</summary>
/// <param name="Uri">The reference URI (urn:oid:...).</param>
/// <param name="Matches">True when its digest is the one expected (the document's, or AA== for the submission set).</param>
/// <param name="Problem">Why not, when it does not match.</param>
public sealed record ManifestReferenceCheck(string Uri, bool Matches, string? Problem);
