using SglReference.Domain.Presentation;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Xds;

/// <summary>
/// The one ebRS 3.0 SubmitObjectsRequest writer: the submission set, one DocumentEntry per CDA (every slot,
/// classification and external identifier the ANS example carries, with CR-Bio values), the HasMember associations,
/// RPLC for a replacement and the « action » extra-metadata. IHE_XDM writes it as METADATA.XML (ITI-32); the DMP
/// channel writes it inside its ITI-41 request.
/// </summary>
public static class SubmitObjectsRequestWriter
{
    /// <summary>ebRS lcm namespace.</summary>
    public const string Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    /// <summary>ebRIM namespace.</summary>
    public const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    /// <summary>The submission set's symbolic id.</summary>
    public const string SubmissionSetId = "SubmissionSet01";

    private const string Title = "Compte rendu d'examens biologiques";

    /// <summary>A standalone document (METADATA.XML): UTF-8, no BOM, indented.</summary>
    /// <param name="submission">The submission's content.</param>
    /// <param name="uris">The URI slot of each document (XDM: its path relative to IHE_XDM, e.g. "SUBSET01/DOC0001.XML"); null for none.</param>
    /// <param name="options">How this exchange renders the metadata.</param>
    public static byte[] Write(XdsSubmission submission, IReadOnlyList<string>? uris, XdsWriterOptions options)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using (var x = XmlWriter.Create(stream, settings))
        {
            x.WriteStartDocument();
            Write(x, submission, uris, options);
            x.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>Writes the lcm:SubmitObjectsRequest element into <paramref name="x"/> (e.g. inside a SOAP body).</summary>
    /// <param name="x">Where to write.</param>
    /// <param name="submission">The submission's content.</param>
    /// <param name="uris">The URI slot of each document; null for none.</param>
    /// <param name="options">How this exchange renders the metadata.</param>
    /// <param name="extra">Writes further registry objects after the associations (the DMP's signature entry), given the writer.</param>
    public static void Write(XmlWriter x, XdsSubmission submission, IReadOnlyList<string>? uris, XdsWriterOptions options, Action<XmlWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(options);
        {
            var report = submission.Report;
            var patientId = XdsValues.PatientId(report.Patient);
            var ids = new IdCounter();
            x.WriteStartElement("lcm", "SubmitObjectsRequest", Lcm);
            x.WriteAttributeString("xmlns", "rim", null, Rim);
            x.WriteStartElement("rim", "RegistryObjectList", Rim);
            SubmissionSet(x, submission, patientId, ids);
            for (var i = 0; i < submission.Documents.Count; i++)
            {
                DocumentEntry(x, submission, submission.Documents[i], uris?[i], patientId, options, ids);
            }

            foreach (var document in submission.Documents)
            {
                Association(x, XdsCodes.HasMember, SubmissionSetId, XdsValues.EntryUuid(document.Identity.Id), ids, ("SubmissionSetStatus", "Original"));
                if (submission.Action == DocumentAction.Replace && document.Identity.Replaces is { } replaced)
                {
                    Association(x, XdsCodes.Replace, XdsValues.EntryUuid(document.Identity.Id), XdsValues.EntryUuid(replaced.Id), ids);
                }
            }

            extra?.Invoke(x);
            x.WriteEndElement();
            x.WriteEndElement();
        }
    }

    /// <summary>
    /// Writes a SubmitObjectsRequest holding only the submission set of <paramref name="submission"/> and what
    /// <paramref name="extra"/> writes after it (an ITI-57 UpdateAvailabilityStatus association): no document entry.
    /// </summary>
    public static void WriteSubmissionSetOnly(XmlWriter x, XdsSubmission submission, Action<XmlWriter> extra)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(extra);
        x.WriteStartElement("lcm", "SubmitObjectsRequest", Lcm);
        x.WriteAttributeString("xmlns", "rim", null, Rim);
        x.WriteStartElement("rim", "RegistryObjectList", Rim);
        SubmissionSet(x, submission, XdsValues.PatientId(submission.Report.Patient), new IdCounter());
        extra(x);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>
    /// Writes the IHE DSG signature entry of a submission (call it from the <c>extra</c> hook): the ExtrinsicObject of
    /// the detached signature document (classCode urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1, typeCode E1762, formatCode
    /// xmldsig, eventCode 1.2.840.10065.1.12.1.14, languageCode art, confidentiality N + MASQUE_PS + INVISIBLE_PATIENT
    /// as the CNAM TD2.1 example and DRIMbox), its HasMember association and the <c>signs</c> association to the
    /// submission set.
    /// </summary>
    /// <param name="x">Where to write (inside RegistryObjectList).</param>
    /// <param name="submission">The submission signed.</param>
    /// <param name="entryId">The symbolic id of the signature entry (also the xdsb:Document id).</param>
    /// <param name="uniqueId">The signature's uniqueId (= ds:Signature/@Id).</param>
    public static void WriteSignatureEntry(XmlWriter x, XdsSubmission submission, string entryId, string uniqueId)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(entryId);
        ArgumentNullException.ThrowIfNull(uniqueId);
        var report = submission.Report;
        var patientId = XdsValues.PatientId(report.Patient);
        var ids = new IdCounter("sig-");
        var time = Hl7Time.Utc(submission.SubmittedAt);
        x.WriteStartElement("rim", "ExtrinsicObject", Rim);
        x.WriteAttributeString("id", entryId);
        x.WriteAttributeString("mimeType", "text/xml");
        x.WriteAttributeString("objectType", XdsCodes.DocumentEntryType);
        Slot(x, "creationTime", time);
        Slot(x, "languageCode", "art");
        Slot(x, "legalAuthenticator", XdsValues.Person(report.Biologist));
        Slot(x, "serviceStartTime", time);
        Slot(x, "serviceStopTime", time);
        Slot(x, "sourcePatientId", patientId);
        Localized(x, "Name", "Source");
        Author(x, XdsCodes.DocumentAuthor, entryId, report, ids);
        Classification(x, XdsCodes.ClassCode, entryId, "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature", ids);
        Classification(x, XdsCodes.TypeCode, entryId, "E1762", "ASTM", "Full Document", ids);
        Classification(x, XdsCodes.ConfidentialityCode, entryId, "N", XdsCodes.ConfidentialitySystem, "Normal", ids);
        Classification(x, XdsCodes.ConfidentialityCode, entryId, "MASQUE_PS", XdsCodes.VisibilitySystem, "Masqué aux professionnels de santé", ids);
        Classification(x, XdsCodes.ConfidentialityCode, entryId, "INVISIBLE_PATIENT", XdsCodes.VisibilitySystem, "Non visible par le patient", ids);
        Classification(x, XdsCodes.FormatCode, entryId, "http://www.w3.org/2000/09/xmldsig#", "URN", "Default Signature Style", ids);
        Classification(x, XdsCodes.HealthcareFacilityTypeCode, entryId, "SA25", CodeSystems.HealthcareFacilityType, "Laboratoire de biologie médicale", ids);
        var hospital = report.Laboratory.PracticeSetting == PracticeSetting.Hospital;
        Classification(x, XdsCodes.PracticeSettingCode, entryId, hospital ? "ETABLISSEMENT" : "AMBULATOIRE", CodeSystems.PracticeSetting,
            hospital ? "Etablissement de santé" : "Ambulatoire", ids);
        Classification(x, XdsCodes.EventCodeList, entryId, "1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12", "Source", ids);
        ExternalIdentifier(x, XdsCodes.DocumentPatientId, entryId, patientId, "XDSDocumentEntry.patientId", ids);
        ExternalIdentifier(x, XdsCodes.DocumentUniqueId, entryId, uniqueId, "XDSDocumentEntry.uniqueId", ids);
        x.WriteEndElement();
        Association(x, XdsCodes.HasMember, SubmissionSetId, entryId, ids, ("SubmissionSetStatus", "Original"));
        Association(x, XdsCodes.Signs, entryId, SubmissionSetId, ids, ("SubmissionSetStatus", "Original"));
    }

    /// <summary>The submission set's uniqueId (an OID under the lab's document root).</summary>
    public static string SubmissionSetUniqueId(XdsSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var first = submission.Documents[0].Identity.Id;
        return XdsValues.DerivedOid(submission.Report.Laboratory.Oids.Documents, "3", $"{first}|{submission.Action}|{submission.SubmittedAt.UtcTicks}");
    }

    private static void SubmissionSet(XmlWriter x, XdsSubmission submission, string patientId, IdCounter ids)
    {
        var report = submission.Report;
        x.WriteStartElement("rim", "RegistryPackage", Rim);
        x.WriteAttributeString("id", SubmissionSetId);
        x.WriteAttributeString("objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage");
        Slot(x, "submissionTime", Hl7Time.Utc(submission.SubmittedAt));
        Localized(x, "Name", Title);
        Localized(x, "Description", submission.Action switch
        {
            DocumentAction.Replace => "Remplacement du compte rendu",
            DocumentAction.Delete => "Suppression du compte rendu",
            _ => "Envoi du compte rendu",
        });
        Author(x, XdsCodes.SubmissionSetAuthor, SubmissionSetId, report, ids);
        Classification(x, XdsCodes.SubmissionSetContentType, SubmissionSetId, "SA25", CodeSystems.HealthcareFacilityType, "Laboratoire de biologie médicale", ids);
        x.WriteStartElement("rim", "Classification", Rim);
        x.WriteAttributeString("id", ids.Next("cl"));
        x.WriteAttributeString("classificationNode", XdsCodes.SubmissionSetNode);
        x.WriteAttributeString("classifiedObject", SubmissionSetId);
        x.WriteEndElement();
        ExternalIdentifier(x, XdsCodes.SubmissionSetPatientId, SubmissionSetId, patientId, "XDSSubmissionSet.patientId", ids);
        ExternalIdentifier(x, XdsCodes.SubmissionSetSourceId, SubmissionSetId, report.Laboratory.Oids.Documents, "XDSSubmissionSet.sourceId", ids);
        ExternalIdentifier(x, XdsCodes.SubmissionSetUniqueId, SubmissionSetId, SubmissionSetUniqueId(submission), "XDSSubmissionSet.uniqueId", ids);
        x.WriteEndElement();
    }

    private static void DocumentEntry(XmlWriter x, XdsSubmission submission, XdsDocument document, string? uri, string patientId, XdsWriterOptions options, IdCounter ids)
    {
        var report = submission.Report;
        var p = report.Patient;
        var entry = XdsValues.EntryUuid(document.Identity.Id);
        x.WriteStartElement("rim", "ExtrinsicObject", Rim);
        x.WriteAttributeString("id", entry);
        x.WriteAttributeString("mimeType", "text/xml");
        x.WriteAttributeString("objectType", XdsCodes.DocumentEntryType);
        Slot(x, "creationTime", Hl7Time.Utc(report.ValidatedAt));
        Slot(x, "submissionTime", Hl7Time.Utc(submission.SubmittedAt));
        Slot(x, "languageCode", "fr-FR");
        Slot(x, "legalAuthenticator", XdsValues.Person(report.Biologist));
        Slot(x, "serviceStartTime", Hl7Time.Utc(report.Request.ReceivedAt));
        Slot(x, "serviceStopTime", Hl7Time.Utc(report.ValidatedAt));
        Slot(x, "sourcePatientId", XdsValues.SourcePatientId(p));
        if (options.IncludeHashAndSize)
        {
#pragma warning disable CA5350 // XDS prescribes SHA-1 for the hash slot (ITI TF-3 §4.2.3.2.11): an integrity check, not a signature.
            Slot(x, "hash", Convert.ToHexStringLower(SHA1.HashData(document.Cda.Span)));
#pragma warning restore CA5350
            Slot(x, "size", document.Cda.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Slot(x, "sourcePatientInfo",
            $"PID-5|{Escape(p.BirthName)}^{Escape(p.FirstGivenName)}^^^^^L",
            $"PID-7|{p.BirthDate:yyyyMMdd}",
            $"PID-8|{p.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => "U" }}");
        Slot(x, XdsCodes.ReferenceIdList, XdsValues.ReferenceIds(report));
        if (uri is not null)
        {
            Slot(x, "URI", uri);
        }

        if (options.ActionSlot is not null && submission.Action is DocumentAction.Replace or DocumentAction.Delete)
        {
            // Volet trans-cda-r2, exemples 2-4: extra-metadata « action » C (the archive replaces) / D (to be deleted); its
            // slot name is a URN (ITI TF-3 §4.1.14), configurable: no ANS text publishes one (XdsWriterOptions).
            Slot(x, options.ActionSlot, submission.Action == DocumentAction.Replace ? "C" : "D");
        }

        Localized(x, "Name", Title);
        Localized(x, "Description", document.Format == DocumentFormat.N3 ? "CR-Bio structuré (CDA R2 N3)" : "CR-Bio PDF (CDA R2 N1)");
        Author(x, XdsCodes.DocumentAuthor, entry, report, ids);
        Classification(x, XdsCodes.ClassCode, entry, "10", XdsCodes.ClassCodeSystem, "Compte rendu", ids);
        Classification(x, XdsCodes.TypeCode, entry, "11502-2", XdsCodes.Loinc, "CR d'examens biologiques", ids);
        Classification(x, XdsCodes.ConfidentialityCode, entry, "N", XdsCodes.ConfidentialitySystem, "Normal", ids);
        var d = submission.Visibility;
        if (d.MasquePs)
        {
            Classification(x, XdsCodes.ConfidentialityCode, entry, "MASQUE_PS", XdsCodes.VisibilitySystem, "Masqué aux professionnels de santé", ids);
        }

        if (d.InvisiblePatient)
        {
            Classification(x, XdsCodes.ConfidentialityCode, entry, "INVISIBLE_PATIENT", XdsCodes.VisibilitySystem, "Non visible par le patient", ids);
        }

        if (d.InvisibleRepLegaux)
        {
            Classification(x, XdsCodes.ConfidentialityCode, entry, "INVISIBLE_REPRESENTANTS_LEGAUX", XdsCodes.VisibilitySystem, "Non visible par les représentants légaux du patient", ids);
        }

        if (document.Format == DocumentFormat.N3)
        {
            Classification(x, XdsCodes.FormatCode, entry, XdsCodes.FormatN3, XdsCodes.FormatSystem, "CR d'examens biologiques (XD-LAB)", ids);
        }
        else
        {
            Classification(x, XdsCodes.FormatCode, entry, XdsCodes.FormatN1, XdsCodes.FormatSystem, "Document à corps non structuré en PDF", ids);
        }

        Classification(x, XdsCodes.HealthcareFacilityTypeCode, entry, "SA25", CodeSystems.HealthcareFacilityType, "Laboratoire de biologie médicale", ids);
        var hospital = report.Laboratory.PracticeSetting == PracticeSetting.Hospital;
        Classification(x, XdsCodes.PracticeSettingCode, entry, hospital ? "ETABLISSEMENT" : "AMBULATOIRE", CodeSystems.PracticeSetting,
            hospital ? "Etablissement de santé" : "Ambulatoire", ids);
        foreach (var code in report.Chapters.Select(c => c.Code).DistinctBy(c => c.Code))
        {
            Classification(x, XdsCodes.EventCodeList, entry, code.Code, XdsCodes.Loinc, code.Display ?? code.Code, ids);
        }

        ExternalIdentifier(x, XdsCodes.DocumentPatientId, entry, patientId, "XDSDocumentEntry.patientId", ids);
        ExternalIdentifier(x, XdsCodes.DocumentUniqueId, entry, document.Identity.Id, "XDSDocumentEntry.uniqueId", ids);
        x.WriteEndElement();
    }

    private static void Author(XmlWriter x, string scheme, string classified, LabReport report, IdCounter ids)
    {
        x.WriteStartElement("rim", "Classification", Rim);
        x.WriteAttributeString("id", ids.Next("cl"));
        x.WriteAttributeString("classificationScheme", scheme);
        x.WriteAttributeString("classifiedObject", classified);
        x.WriteAttributeString("nodeRepresentation", string.Empty);
        Slot(x, "authorPerson", XdsValues.Person(report.Biologist));
        Slot(x, "authorInstitution", XdsValues.Institution(report.Laboratory));
        if (report.Biologist.Profession is { } profession)
        {
            Slot(x, "authorSpecialty", XdsValues.Coded(profession));
        }

        x.WriteEndElement();
    }

    private static void Classification(XmlWriter x, string scheme, string classified, string code, string codingScheme, string display, IdCounter ids)
    {
        x.WriteStartElement("rim", "Classification", Rim);
        x.WriteAttributeString("id", ids.Next("cl"));
        x.WriteAttributeString("classificationScheme", scheme);
        x.WriteAttributeString("classifiedObject", classified);
        x.WriteAttributeString("nodeRepresentation", code);
        Slot(x, "codingScheme", codingScheme);
        Localized(x, "Name", display);
        x.WriteEndElement();
    }

    private static void ExternalIdentifier(XmlWriter x, string scheme, string registryObject, string value, string name, IdCounter ids)
    {
        x.WriteStartElement("rim", "ExternalIdentifier", Rim);
        x.WriteAttributeString("id", ids.Next("ei"));
        x.WriteAttributeString("identificationScheme", scheme);
        x.WriteAttributeString("registryObject", registryObject);
        x.WriteAttributeString("value", value);
        Localized(x, "Name", name);
        x.WriteEndElement();
    }

    private static void Association(XmlWriter x, string type, string source, string target, IdCounter ids, (string Name, string Value)? slot = null)
    {
        x.WriteStartElement("rim", "Association", Rim);
        x.WriteAttributeString("id", ids.Next("as"));
        x.WriteAttributeString("associationType", type);
        x.WriteAttributeString("sourceObject", source);
        x.WriteAttributeString("targetObject", target);
        if (slot is { } s)
        {
            Slot(x, s.Name, s.Value);
        }

        x.WriteEndElement();
    }

    private static void Slot(XmlWriter x, string name, params string[] values)
    {
        x.WriteStartElement("rim", "Slot", Rim);
        x.WriteAttributeString("name", name);
        x.WriteStartElement("rim", "ValueList", Rim);
        foreach (var value in values)
        {
            x.WriteElementString("rim", "Value", Rim, value);
        }

        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Localized(XmlWriter x, string element, string value)
    {
        x.WriteStartElement("rim", element, Rim);
        x.WriteStartElement("rim", "LocalizedString", Rim);
        x.WriteAttributeString("xml", "lang", null, "fr-FR");
        x.WriteAttributeString("charset", "UTF-8");
        x.WriteAttributeString("value", value);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static string Escape(string value) => Hl7v2.Codec.Hl7Escaping.Escape(value, Hl7v2.Codec.Hl7Delimiters.Standard);

    private sealed class IdCounter(string scope = "")
    {
        private int _next;

        public string Next(string prefix) => scope + prefix + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
