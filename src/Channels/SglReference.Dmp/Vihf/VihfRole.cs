namespace SglReference.Dmp.Vihf;

/// <summary>One value of the VIHF role attribute (an HL7 v3 CE).</summary>
/// <param name="Code">The code (10 médecin, 21 pharmacien; SM03 biologie médicale...).</param>
/// <param name="CodeSystem">1.2.250.1.71.1.2.7 (profession) or 1.2.250.1.71.4.2.5 (specialty).</param>
/// <param name="CodeSystemName">"professions" or "specialites RPPS".</param>
/// <param name="DisplayName">The label.</param>
public sealed record VihfRole(string Code, string CodeSystem, string CodeSystemName, string DisplayName);
