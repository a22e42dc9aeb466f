namespace SglReference.Domain.Documents;

/// <summary>How many versions of each report the lab issues (a lab-wide setting, Ségur FAQ).</summary>
public enum DocumentVersions
{
    /// <summary>One version for professionals and patient.</summary>
    Single,
    /// <summary>A professional version and a patient version: up to four CDA documents per report.</summary>
    PatientAndProfessional,
}
