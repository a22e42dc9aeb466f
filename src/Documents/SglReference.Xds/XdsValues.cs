using System.Globalization;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Presentation;
using SglReference.Hl7v2.Codec;

namespace SglReference.Xds;

/// <summary>XDS metadata values: HL7 v2 data types (CX, XCN, XON) as the CI-SIS writes them, times, derived ids.</summary>
internal static class XdsValues
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Standard;

    /// <summary>patientId: the INS (NH) for a qualified identity, else the IPP (PI).</summary>
    public static string PatientId(Patient patient) => patient.QualifiedIns is { } ins
        ? $"{E(ins.Matricule)}^^^&{ins.Oid}&ISO^NH"
        : SourcePatientId(patient);

    /// <summary>sourcePatientId: the lab's own patient id (IPP).</summary>
    public static string SourcePatientId(Patient patient) => $"{E(patient.Ipp.Value)}^^^&{patient.Ipp.Authority}&ISO^PI";

    /// <summary>XCN of a professional: IDNPS ^ family ^ given ^^^^^^ &amp;1.2.250.1.71.4.2.1&amp;ISO ^ D ^^^ IDNPS.</summary>
    public static string Person(Practitioner p) => p.Idnps is { } id
        ? $"{id}^{E(p.FamilyName)}^{E(p.GivenName ?? string.Empty)}^^^^^^&{CodeSystems.NationalProfessionalId}&ISO^D^^^IDNPS"
        : $"^{E(p.FamilyName)}^{E(p.GivenName ?? string.Empty)}";

    /// <summary>XON of the lab: name ^^^^^ &amp;1.2.250.1.71.4.2.2&amp;ISO ^ IDNST ^^^ 1 + FINESS.</summary>
    public static string Institution(Laboratory lab) =>
        $"{E(lab.Name)}^^^^^&{CodeSystems.NationalStructureId}&ISO^IDNST^^^1{lab.FinessGeographique}";

    /// <summary>CE-like code ^ display ^ system (authorSpecialty).</summary>
    public static string Coded(CodedConcept code) => $"{E(code.Code)}^{E(code.Display ?? string.Empty)}^{code.System}";

    /// <summary>
    /// referenceIdList (CXi): the lab's request number as accession, then the prescription it fulfils as order — the two
    /// ids of the CDA header (serviceEvent/id, inFulfillmentOf/order/id), in the layout of the ANS XDM example
    /// (accession, then order).
    /// </summary>
    public static string[] ReferenceIds(LabReport report)
    {
        var accession = $"{E(report.Request.OrderNumber)}^^^&{report.Laboratory.Oids.Orders}&ISO^{XdsCodes.AccessionReference}";
        return report.PrescriptionIdentifier is { } order
            ? [accession, $"{E(order.Value)}^^^&{order.Authority}&ISO^{XdsCodes.OrderReference}"]
            : [accession];
    }

    /// <summary>An entryUUID derived from a document id (name-based, so that a replacement can point to the replaced entry).</summary>
    public static string EntryUuid(string documentId) => "urn:uuid:" + DerivedIds.Uuid("entry|" + documentId).ToString("D");

    /// <summary>An OID under <paramref name="root"/> for <paramref name="name"/> (submission set uniqueId).</summary>
    public static string DerivedOid(string root, string branch, string name) => $"{root}.{branch}.{DerivedIds.Number(name)}";

    private static string E(string value) => Hl7Escaping.Escape(value, D);
}
