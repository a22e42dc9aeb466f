using SglReference.Domain;
using SglReference.Domain.Presentation;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Oru;

/// <summary>
/// The composite data types the ORU writes, per the Interop'Santé constraints on HL7 v2.5 data types (IHE France)
/// as the ANS examples apply them: CX identifiers, XCN professionals, XON organizations, XTN mailboxes, TS times.
/// </summary>
internal static class Hl7DataTypes
{
    /// <summary>Assigning authority namespace of the national professional ids (RPPS/IDNPS).</summary>
    public const string ProfessionalAuthority = "ASIP-SANTE-PS";

    /// <summary>Assigning authority namespace of the national structure ids (FINESS).</summary>
    public const string StructureAuthority = "ASIP-SANTE-ST";

    /// <summary>HD as a component: namespace &amp; universal id &amp; type.</summary>
    public static Hl7Component Authority(string? nameSpace, string? universalId, string? type) =>
        Hl7Component.Sub(nameSpace, universalId, type);

    /// <summary>CX repetition: id ^^^ authority ^ identifier type code.</summary>
    public static Hl7Repetition Cx(string id, Hl7Component authority, string typeCode) =>
        Hl7Repetition.Composite(Hl7Component.Of(id), Hl7Component.Empty, Hl7Component.Empty, authority, Hl7Component.Of(typeCode));

    /// <summary>The INS namespace of an INS OID (NIR, NIA; test and demo INS are NIR).</summary>
    public static string InsNamespace(Ins ins) => ins.Kind == InsKind.Nia ? "ASIP-SANTE-INS-NIA" : "ASIP-SANTE-INS-NIR";

    /// <summary>
    /// XCN of a professional: IDNPS ^ family ^ given ^^^ title ^^^ ASIP-SANTE-PS&amp;1.2.250.1.71.4.2.1&amp;ISO ^ D ^^^ IDNPS.
    /// Without RPPS: the names only.
    /// </summary>
    public static Hl7Repetition Professional(Practitioner p)
    {
        var hasId = p.Idnps is not null;
        return Hl7Repetition.Composite(
            Hl7Component.Of(p.Idnps ?? string.Empty),
            Hl7Component.Of(p.FamilyName),
            Hl7Component.Of(p.GivenName ?? string.Empty),
            Hl7Component.Empty,
            Hl7Component.Empty,
            Hl7Component.Of(p.Title ?? string.Empty),
            Hl7Component.Empty,
            Hl7Component.Empty,
            hasId ? Authority(ProfessionalAuthority, CodeSystems.NationalProfessionalId, "ISO") : Hl7Component.Empty,
            Hl7Component.Of("D"),
            Hl7Component.Empty,
            Hl7Component.Empty,
            Hl7Component.Of(hasId ? "IDNPS" : string.Empty));
    }

    /// <summary>XCN of the patient as an MSSanté recipient: INS ^ birth name ^ first given name ^...^ INS authority ^ L ^^^ INS.</summary>
    public static Hl7Repetition PatientRecipient(Patient patient, Ins ins) => Hl7Repetition.Composite(
        Hl7Component.Of(ins.Matricule),
        Hl7Component.Of(patient.BirthName),
        Hl7Component.Of(patient.FirstGivenName),
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Empty,
        Authority(InsNamespace(ins), ins.Oid, "ISO"),
        Hl7Component.Of("L"),
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Of("INS"));

    /// <summary>XON of a structure identified by its FINESS: name ^^^^^ ASIP-SANTE-ST&amp;1.2.250.1.71.4.2.2&amp;ISO ^ type ^^^ 1+FINESS.</summary>
    public static Hl7Repetition Structure(string name, string finess, string typeCode) => Hl7Repetition.Composite(
        Hl7Component.Of(name),
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Empty,
        Authority(StructureAuthority, CodeSystems.NationalStructureId, "ISO"),
        Hl7Component.Of(typeCode),
        Hl7Component.Empty,
        Hl7Component.Empty,
        Hl7Component.Of("1" + finess));

    /// <summary>XTN of an MSSanté mailbox: ^^X.400^address.</summary>
    public static Hl7Field Mailbox(string address) => Hl7Field.Of(null, null, "X.400", address);

    /// <summary>CE: code ^ label ^ coding system (the volet requires the system whenever a code is given).</summary>
    public static Hl7Field Coded(string code, string label, string system) => Hl7Field.Of(code, label, system);
}
