namespace SglReference.Domain.Documents;

/// <summary>Who a version of the report is written for.</summary>
public enum Audience
{
    /// <summary>The only version, when the lab issues one version for everybody.</summary>
    All,
    /// <summary>The professional version (médecins, DMP for professionals).</summary>
    Professional,
    /// <summary>The patient version (Mon espace santé, patient MSSanté mailbox).</summary>
    Patient,
}
