namespace SglReference.Delivery;

/// <summary>One report as received, validated: what intake commits before it answers.</summary>
/// <param name="ReportId">The lab's report id.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="Laboratory">The FINESS géographique of its lab.</param>
/// <param name="Format">"json" or "fhir".</param>
/// <param name="Body">The bytes as received (kept: the history of modified and deleted results).</param>
/// <param name="ContentHash">SHA-256 of <paramref name="Body"/>, hex: an identical repeat is recognised by it.</param>
/// <param name="ReceivedBy">Who sent it (the API key's name).</param>
public sealed record ReportSubmission(string ReportId, int Revision, string Laboratory, string Format, ReadOnlyMemory<byte> Body, string ContentHash, string ReceivedBy);
