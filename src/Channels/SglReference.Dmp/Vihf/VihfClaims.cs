namespace SglReference.Dmp.Vihf;

/// <summary>What a VIHF 3.0 assertion says: who acts (the PS, for the structure), for which patient, from which software.</summary>
/// <param name="NameId">Subject/NameID: the acting PS's IDNPS (8 + RPPS).</param>
/// <param name="SubjectName">urn:oasis:names:tc:xspa:1.0:subject:subject-id: the PS's name.</param>
/// <param name="Roles">urn:oasis:names:tc:xacml:2.0:subject:role: the profession then the specialty.</param>
/// <param name="StructureId">Identifiant_Structure (the IDNST of the signing structure).</param>
/// <param name="Sector">Secteur_Activite code (SA25).</param>
/// <param name="AuthenticationMode">Authentification_mode.</param>
/// <param name="PatientId">urn:oasis:names:tc:xacml:2.0:resource:resource-id: the INS as CX (…^^^&amp;OID&amp;ISO^NH).</param>
/// <param name="Lps">LPS_ID, LPS_Nom, LPS_Version, LPS_ID_HOMOLOGATION_DMP.</param>
/// <param name="AuthnContext">AuthnContextClassRef.</param>
/// <param name="Confidentiality">
/// The connexion secrète attribute urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code
/// (INVISIBLE_REPRESENTANTS_LEGAUX^1.2.250.1.213.1.1.4.13), or null.
/// </param>
public sealed record VihfClaims(
    string NameId,
    string SubjectName,
    IReadOnlyList<VihfRole> Roles,
    string StructureId,
    string Sector,
    DmpAuthenticationMode AuthenticationMode,
    string PatientId,
    LpsIdentity Lps,
    string AuthnContext,
    string? Confidentiality);
