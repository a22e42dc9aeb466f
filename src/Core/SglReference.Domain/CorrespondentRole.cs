namespace SglReference.Domain;

/// <summary>Why a correspondent receives a copy.</summary>
public enum CorrespondentRole
{
    /// <summary>A professional the prescriber or the patient asked to be copied.</summary>
    Copy,
    /// <summary>A care team or organization mailbox (BAL organisationnelle or applicative).</summary>
    Organization,
}
