namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>A technical acknowledgement (ACK), decoded.</summary>
/// <param name="Code">MSA-1.</param>
/// <param name="RawCode">MSA-1 as sent (AA, AE, AR, CA, CE, CR).</param>
/// <param name="AcknowledgedControlId">MSA-2: the MSH-10 of the acknowledged message.</param>
/// <param name="Text">MSA-3, when given.</param>
/// <param name="Errors">The ERR segments.</param>
public sealed record Acknowledgement(AckCode Code, string RawCode, string AcknowledgedControlId, string Text, IReadOnlyList<Hl7Error> Errors)
{
    /// <summary>One line describing the outcome and every error.</summary>
    public string Describe()
    {
        var parts = new List<string> { RawCode };
        if (Text.Length > 0)
        {
            parts.Add(Text);
        }

        parts.AddRange(Errors.Select(e => e.ToString()));
        return string.Join("; ", parts);
    }
}
