using SglReference.Domain.Presentation;
using System.Text;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Oru;

/// <summary>
/// Builds the ORU^R01^ORU_R01 (HL7 v2.5) of the ANS volet "Transmission de documents CDA-R2 en HL7v2"
/// (trans-cda-r2 2.1): MSH, PID, PV1, ORC, OBR 11502-2, the document OBX (ED, base64 CDA) followed by the PRT
/// participants, the optional N1 OBX, then the DMP/MSSanté metadata OBX in the volet's order. A pure function of its
/// request; thread-safe.
/// </summary>
public static class CrBioOruBuilder
{
    /// <summary>OBR-4 / document OBX-3: the CR-Bio type code.</summary>
    public const string DocumentTypeCode = "11502-2";

    /// <summary>Its label in JDV_J07-XdsTypeCode-CISIS.</summary>
    public const string DocumentTypeLabel = "CR d'examens biologiques";

    /// <summary>MSH-21: the volet's version and name.</summary>
    public const string ProfileVersion = "2.1";

    /// <summary>MSH-21.2.</summary>
    public const string ProfileName = "CISIS_CDA_HL7_V2";

    /// <summary>Builds the message; a request the volet forbids is an <see cref="OruRuleException"/>.</summary>
    public static Hl7Message Build(OruRequest request, Hl7Options options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        Check(request);
        var report = request.Report;
        var segments = new List<Hl7Segment>(32)
        {
            Msh(request, options),
            Pid(report),
            Pv1(report),
            Orc(request),
            Obr(report),
        };

        var setId = 0;
        var n3 = request.Documents[0];
        segments.Add(DocumentObx(++setId, n3, request.Action));
        segments.AddRange(Participants(request, options));
        foreach (var other in request.Documents.Skip(1))
        {
            segments.Add(DocumentObx(++setId, other, request.Action));
        }

        var f = request.Flags;
        bool[] values = [f.MasquePs, f.InvisiblePatient, f.InvisibleRepLegaux, f.ConnexionSecrete, f.ModifConfCode, f.DestDmp, f.DestMssPs, f.DestMssPatient, f.AckReception, f.AckLecture];
        for (var i = 0; i < values.Length; i++)
        {
            var (code, label) = MetaDmpMssCodes.Flags[i];
            segments.Add(new Hl7Segment("OBX")
                .Set(1, Number(++setId))
                .Set(2, "CE")
                .Set(3, Hl7DataTypes.Coded(code, label, MetaDmpMssCodes.System))
                .Set(5, Hl7Field.Of(values[i] ? "Y" : "N", null, MetaDmpMssCodes.YesNoSystem))
                .Set(11, "F"));
            if (code == "DESTMSSANTEPAT" && f.DestMssPatient && request.PatientMayNotReply)
            {
                segments.Add(new Hl7Segment("NTE").Set(1, "1").Set(4, MetaDmpMssCodes.NoReply));
            }
        }

        // The report's mail bodies announce the document; a deletion carries none, so that the PFI writes the default
        // deletion body the volet requires ("A défaut, dans le cadre d'une suppression ... un corps de mail par défaut").
        var withBodies = request.Action != DocumentAction.Delete;
        if (withBodies && f.DestMssPs && report.Delivery.MailBodyProfessional is { } proBody)
        {
            segments.Add(MailBody(++setId, MetaDmpMssCodes.MailBodyProfessional, proBody));
        }

        if (withBodies && f.DestMssPatient && report.Delivery.MailBodyPatient is { } patientBody)
        {
            segments.Add(MailBody(++setId, MetaDmpMssCodes.MailBodyPatient, patientBody));
        }

        return new Hl7Message(segments, Hl7Delimiters.Standard);
    }

    private static void Check(OruRequest r)
    {
        if (r.ControlId.Length is 0 or > 20 || r.ControlId.Any(c => c is '|' or '^' or '~' or '\\' or '&' || char.IsControl(c)))
        {
            throw new OruRuleException("SGL-HL7-CONTROL-ID", "MSH-10: the message control id has 1 to 20 characters and no HL7 delimiter");
        }

        if (r.Documents.Count is 0 or > 2 || r.Documents[0].Format != DocumentFormat.N3 || r.Documents.Skip(1).Any(d => d.Format != DocumentFormat.N1))
        {
            throw new OruRuleException("SGL-HL7-DOCUMENTS", "the ORU carries the CDA N3, then optionally the N1 of the same version (volet trans-cda-r2: one or two documents)");
        }

        var replaces = r.Documents[0].Identity.Replaces;
        if (r.Action == DocumentAction.Initial && replaces is not null)
        {
            throw new OruRuleException("SGL-HL7-ACTION", $"version {r.Documents[0].Identity.Version} replaces an earlier version: send it as a replacement (ORC-1 RO, OBX-11 C)");
        }

        if (r.Action == DocumentAction.Replace && replaces is null)
        {
            throw new OruRuleException("SGL-HL7-ACTION", "a replacement (ORC-1 RO) carries a CDA with relatedDocument RPLC: this document is a first version");
        }

        if (MssRoutingMatrix.Check(r.Flags) is { } violation)
        {
            throw new OruRuleException(violation.Code, violation.Message);
        }

        if (r.Flags.DestDmp && r.Report.Patient.QualifiedIns is null)
        {
            throw new OruRuleException("SGL-HL7-DMP-INS", "DESTDMP Y: publication to the DMP requires a qualified INS");
        }

        if (r.Flags.DestMssPs && !r.Recipients.Any(x => x.Kind != RecipientKind.Patient))
        {
            throw new OruRuleException("SGL-HL7-RECIPIENTS", "DESTMSSANTEPS Y: at least one professional MSSanté recipient (PRT RCT) is required");
        }

        if (!r.Flags.DestMssPs && r.Recipients.Any(x => x.Kind != RecipientKind.Patient))
        {
            throw new OruRuleException("SGL-HL7-RECIPIENTS", "DESTMSSANTEPS N: professional recipients may not be listed");
        }

        if (!r.Flags.DestMssPatient && r.Recipients.Any(x => x.Kind == RecipientKind.Patient))
        {
            throw new OruRuleException("SGL-HL7-RECIPIENTS", "DESTMSSANTEPAT N: the patient mailbox may not be listed");
        }

        if (r.Recipients.Any(x => x.Kind == RecipientKind.Patient) && r.Report.Patient.QualifiedIns is null)
        {
            throw new OruRuleException("SGL-HL7-RECIPIENTS", "the patient's MSSanté mailbox is derived from a qualified INS");
        }
    }

    private static Hl7Segment Msh(OruRequest request, Hl7Options o)
    {
        return new Hl7Segment("MSH")
            .Set(3, o.SendingApplication)
            .Set(4, o.SendingFacility ?? request.Report.Laboratory.FinessGeographique)
            .Set(5, o.ReceivingApplication)
            .Set(6, o.ReceivingFacility)
            .Set(7, Hl7Time.Instant(request.CreatedAt))
            .Set(9, Hl7Field.Of("ORU", "R01", "ORU_R01"))
            .Set(10, request.ControlId)
            .Set(11, o.ProcessingId)
            .Set(12, "2.5")
            .Set(17, "FRA")
            .Set(18, o.Charset)
            .Set(21, Hl7Field.Of(ProfileVersion, ProfileName));
    }

    private static Hl7Segment Pid(LabReport report)
    {
        var p = report.Patient;
        var ids = new List<Hl7Repetition>
        {
            Hl7DataTypes.Cx(p.Ipp.Value, Hl7DataTypes.Authority(null, p.Ipp.Authority, "ISO"), "PI"),
        };
        if (p.QualifiedIns is { } ins)
        {
            ids.Add(Hl7DataTypes.Cx(ins.Matricule, Hl7DataTypes.Authority(Hl7DataTypes.InsNamespace(ins), ins.Oid, "ISO"), "INS"));
        }

        var names = new List<Hl7Repetition>
        {
            // PAM-FR / INS annex: birth name ^ first birth given name ^ every birth given name ^^^^ L.
            Hl7Repetition.Of(p.BirthName, p.FirstGivenName, string.Join(' ', p.BirthGivenNames), null, null, null, "L"),
        };
        if (p.UsedName is not null || p.UsedGivenName is not null)
        {
            names.Add(Hl7Repetition.Of(p.DisplayFamilyName, p.DisplayGivenName, null, null, null, null, "D"));
        }

        var addresses = new List<Hl7Repetition>();
        if (p.Address is { } a)
        {
            addresses.Add(Hl7Repetition.Of(
                a.Lines.Count > 0 ? a.Lines[0] : null, a.Lines.Count > 1 ? string.Join(", ", a.Lines.Skip(1)) : null,
                a.City, null, a.PostalCode, a.Country ?? "FRA", "H"));
        }

        if (p.BirthPlaceCode is { } birthPlace)
        {
            addresses.Add(Hl7Repetition.Of(null, null, null, null, null, null, "BDL", null, birthPlace));
        }

        var segment = new Hl7Segment("PID")
            .Set(1, "1")
            .Set(3, new Hl7Field(ids))
            .Set(5, new Hl7Field(names))
            .Set(7, Hl7Time.Date(p.BirthDate))
            .Set(8, p.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => "U" })
            .Set(11, new Hl7Field(addresses))
            .Set(32, IdentityReliability(p.IdentityStatus));
        if (AdministrativeFileNumber(report) is { } nda)
        {
            segment.Set(18, new Hl7Field([Hl7DataTypes.Cx(nda.Value, Hl7DataTypes.Authority(null, nda.Authority, "ISO"), "AN")]));
        }

        return segment;
    }

    /// <summary>
    /// PID-18, the numéro de dossier administratif (PAM-FR 2.11 §6.6.9: the NDA the establishment bills the stay under;
    /// volet trans-cda-r2: RE, "renseigné si connu"): for a hospital stay the hospital's NDA when the report gives it —
    /// never the lab's request number, which is no NDA of the hospital —; without a stay, the lab's own file number.
    /// </summary>
    private static LocalIdentifier? AdministrativeFileNumber(LabReport report) => report.Stay is { } stay
        ? stay.AccountNumber
        : new LocalIdentifier(report.Request.OrderNumber, report.Laboratory.Oids.Orders);

    /// <summary>
    /// PID-32 per IHE PAM France 2.11.2: table 0445 (France) carries PROV (provisoire) and VALI (validé); "le matricule INS
    /// est renseigné dans le message uniquement si l'identité du patient a été qualifiée ..., ce qui se traduit par PID.32
    /// = VALI" (§6.6.1), and an identity brought back from qualifiée to récupérée is sent as "Provisoire" (§4.4.4). So:
    /// qualified → VALI with the INS, validated → VALI without it, recovered and provisional → PROV.
    /// </summary>
    internal static string IdentityReliability(IdentityStatus status) => status switch
    {
        IdentityStatus.Qualified or IdentityStatus.Validated => "VALI",
        _ => "PROV",
    };

    private static Hl7Segment Pv1(LabReport report)
    {
        var segment = new Hl7Segment("PV1").Set(1, "1");
        if (report.Stay is not { } stay)
        {
            return segment.Set(2, "N");
        }

        segment.Set(2, stay.Kind switch { EncounterKind.Inpatient => "I", EncounterKind.Emergency => "E", _ => "O" });
        if (stay.Unit is { } unit)
        {
            segment.Set(3, Hl7Field.Of(unit.Code));
        }

        segment.Set(19, new Hl7Field([Hl7DataTypes.Cx(stay.VisitNumber.Value, Hl7DataTypes.Authority(null, stay.VisitNumber.Authority, "ISO"), "VN")]));
        segment.Set(44, Hl7Time.Instant(stay.AdmittedAt));
        if (stay.DischargedAt is { } discharged)
        {
            segment.Set(45, Hl7Time.Instant(discharged));
        }

        return segment;
    }

    private static Hl7Segment Orc(OruRequest request)
    {
        var report = request.Report;
        var segment = new Hl7Segment("ORC")
            .Set(1, request.Action switch { DocumentAction.Replace => "RO", DocumentAction.Delete => "CA", _ => "NW" })
            .Set(3, FillerOrder(report))
            .Set(9, Hl7Time.Instant(report.ValidatedAt));
        if (report.Request.PrescriptionId is { } placer)
        {
            segment.Set(2, Hl7Field.Of(placer));
        }

        if (report.Prescriber is { } prescriber)
        {
            segment.Set(12, new Hl7Field([Hl7DataTypes.Professional(prescriber)]));
        }

        return segment;
    }

    private static Hl7Segment Obr(LabReport report)
    {
        var segment = new Hl7Segment("OBR")
            .Set(1, "1")
            .Set(3, FillerOrder(report))
            .Set(4, Hl7DataTypes.Coded(DocumentTypeCode, DocumentTypeLabel, "LN"))
            .Set(22, Hl7Time.Instant(report.ValidatedAt))
            // OBR-25, HL7 table 0123: A "Some, but not all, results available" for a partial report; F otherwise (the
            // official replacement message keeps F: a correction says so in ORC-1 RO and OBX-11 C).
            .Set(25, report.Status == ReportStatus.Partial ? "A" : "F");
        if (report.Request.PrescriptionId is { } placer)
        {
            segment.Set(2, Hl7Field.Of(placer));
        }

        if (report.Specimens.Count > 0)
        {
            segment.Set(7, Hl7Time.Instant(report.Specimens.Min(s => s.CollectedAt)));
        }

        if (report.Prescriber is { } prescriber)
        {
            segment.Set(16, new Hl7Field([Hl7DataTypes.Professional(prescriber)]));
        }

        var b = report.Biologist;
        segment.Set(32, Hl7Field.Composite(Hl7Component.Sub(b.Idnps ?? string.Empty, b.FamilyName, b.GivenName)));
        return segment;
    }

    private static Hl7Field FillerOrder(LabReport report) =>
        Hl7Field.Of(report.Request.OrderNumber, null, report.Laboratory.Oids.Orders, "ISO");

    private static Hl7Segment DocumentObx(int setId, OruDocument document, DocumentAction action) => new Hl7Segment("OBX")
        .Set(1, Number(setId))
        .Set(2, "ED")
        .Set(3, Hl7DataTypes.Coded(DocumentTypeCode, DocumentTypeLabel, "LN"))
        .Set(5, Hl7Field.Of(null, "TEXT", "XML", "Base64", Convert.ToBase64String(document.Cda.Span)))
        .Set(11, action switch { DocumentAction.Replace => "C", DocumentAction.Delete => "D", _ => "F" });

    private static IEnumerable<Hl7Segment> Participants(OruRequest request, Hl7Options options)
    {
        var report = request.Report;
        var lab = report.Laboratory;
        yield return new Hl7Segment("PRT")
            .Set(2, "UC")
            .Set(4, Hl7DataTypes.Coded("SB", "Send by", "participation"))
            .Set(5, new Hl7Field([Hl7DataTypes.Professional(report.Biologist)]))
            .Set(8, new Hl7Field([Hl7DataTypes.Structure(lab.Name, lab.FinessGeographique, "FINEG")]));
        foreach (var recipient in request.Recipients)
        {
            var segment = new Hl7Segment("PRT")
                .Set(2, "UC")
                .Set(4, Hl7DataTypes.Coded("RCT", "Result Copies To", "participation"));
            if (recipient.Kind == RecipientKind.Patient && report.Patient.QualifiedIns is { } ins)
            {
                segment.Set(5, new Hl7Field([Hl7DataTypes.PatientRecipient(report.Patient, ins)]));
            }
            else if (recipient.Practitioner is { } practitioner)
            {
                segment.Set(5, new Hl7Field([Hl7DataTypes.Professional(practitioner)]));
            }

            yield return segment.Set(15, Hl7DataTypes.Mailbox(recipient.Address));
        }

        if (request.Flags.MssExchange && (options.ReplyTo ?? lab.MssanteMailbox) is { } replyTo)
        {
            yield return new Hl7Segment("PRT")
                .Set(2, "UC")
                .Set(4, Hl7DataTypes.Coded("REPLY", "Reply To", "participation"))
                .Set(15, Hl7DataTypes.Mailbox(replyTo));
        }
    }

    private static Hl7Segment MailBody(int setId, (string Code, string Label) code, string text) => new Hl7Segment("OBX")
        .Set(1, Number(setId))
        .Set(2, "ED")
        .Set(3, Hl7DataTypes.Coded(code.Code, code.Label, MetaDmpMssCodes.System))
        .Set(5, Hl7Field.Of(null, "TEXT", null, "Base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(text))))
        .Set(11, "F");

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
