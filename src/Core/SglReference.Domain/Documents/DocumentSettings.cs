using System.Collections.Frozen;

namespace SglReference.Domain.Documents;

/// <summary>The lab's choices about the documents it issues (configuration, not per report).</summary>
/// <param name="Versions">One version, or a patient and a professional version.</param>
/// <param name="ProfessionalOnlyComments">Comment kinds left out of the patient version (interpretation by default).</param>
/// <param name="AccreditationStatement">The accreditation line printed under the lab header; built from the COFRAC number when null.</param>
/// <param name="IncludeN1">Issue the N1 (PDF) document besides the N3 (the DMP transition asks for both).</param>
public sealed record DocumentSettings(
    DocumentVersions Versions = DocumentVersions.PatientAndProfessional,
    IReadOnlySet<CommentKind>? ProfessionalOnlyComments = null,
    string? AccreditationStatement = null,
    bool IncludeN1 = true)
{
    private static readonly IReadOnlySet<CommentKind> s_defaultProfessionalOnly = new[] { CommentKind.Interpretation }.ToFrozenSet();

    /// <summary>Two versions, interpretation comments for professionals only, N1 issued.</summary>
    public static DocumentSettings Default { get; } = new();

    /// <summary>The comment kinds the patient version leaves out.</summary>
    public IReadOnlySet<CommentKind> EffectiveProfessionalOnlyComments => ProfessionalOnlyComments ?? s_defaultProfessionalOnly;

    /// <summary>The audiences this lab issues documents for, professional first.</summary>
    public IReadOnlyList<Audience> Audiences => Versions == DocumentVersions.Single ? [Audience.All] : [Audience.Professional, Audience.Patient];

    /// <summary>The formats this lab issues, N3 first.</summary>
    public IReadOnlyList<DocumentFormat> Formats => IncludeN1 ? [DocumentFormat.N3, DocumentFormat.N1] : [DocumentFormat.N3];

    /// <summary>Checks every setting; throws <see cref="Validation.InvalidSettingException"/> naming the first that breaks its rule.</summary>
    /// <param name="section">Where the settings sit in the configuration ("documents", "laboratories[0]").</param>
    public DocumentSettings Validate(string section = "documents")
    {
        if (!Enum.IsDefined(Versions))
        {
            throw new Validation.InvalidSettingException(section + ".versions", "must be \"single\" or \"patient-and-professional\"");
        }

        if (ProfessionalOnlyComments?.Any(k => !Enum.IsDefined(k)) == true)
        {
            throw new Validation.InvalidSettingException(section + ".professionalOnlyComments", "unknown comment kind");
        }

        if (AccreditationStatement is not null)
        {
            Validation.SettingRules.Text(section + ".accreditationStatement", AccreditationStatement, 500);
        }

        return this;
    }

    /// <summary>The accreditation line of <paramref name="laboratory"/>, or null when it is not accredited.</summary>
    public string? AccreditationLine(Laboratory laboratory)
    {
        ArgumentNullException.ThrowIfNull(laboratory);
        return AccreditationStatement ?? (laboratory.Accreditation is { } number
            ? $"Accréditation COFRAC Examens médicaux n° {number}, portée disponible sur www.cofrac.fr"
            : null);
    }
}
