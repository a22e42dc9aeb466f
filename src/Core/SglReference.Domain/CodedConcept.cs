namespace SglReference.Domain;

/// <summary>A code from a code system identified by its OID, with the label shown to people.</summary>
/// <param name="System">OID of the code system (e.g. <see cref="CodeSystems.Loinc"/>), or a local OID.</param>
/// <param name="Code">The code.</param>
/// <param name="Display">The label.</param>
public sealed record CodedConcept(string System, string Code, string Display)
{
    /// <summary>A LOINC code with its label.</summary>
    public static CodedConcept Loinc(string code, string display) => new(CodeSystems.Loinc, code, display);

    /// <summary>True when the code system is LOINC.</summary>
    public bool IsLoinc => System == CodeSystems.Loinc;
}
