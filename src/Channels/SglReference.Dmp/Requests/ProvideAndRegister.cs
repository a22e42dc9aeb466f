using System.Xml;
using SglReference.Dmp.Soap;
using SglReference.Dmp.Vihf;
using SglReference.Domain.Documents;
using SglReference.Transport.XmlSignatures;
using SglReference.Xds;

namespace SglReference.Dmp.Requests;

/// <summary>
/// Builds the ITI-41 Provide and Register request of a submission: the metadata from the shared ebRS writer (no hash
/// or size slot, no « action » slot; RPLC for a replacement) with the IHE DSG signature entry appended, the VIHF in
/// the header, the CDA documents and the XAdES signature as binary MTOM parts. Deterministic: the same submission,
/// claims and time give the same bytes.
/// </summary>
public static class ProvideAndRegister
{
    /// <summary>The symbolic id of the signature entry (also its xdsb:Document id).</summary>
    public const string SignatureEntryId = "Signature01";

    /// <summary>How the DMP takes the shared metadata.</summary>
    public static XdsWriterOptions WriterOptions { get; } = new(ActionSlot: null, IncludeHashAndSize: false);

    /// <summary>The request.</summary>
    /// <param name="submission">The documents of the version the plan sends to the DMP, with the plan's visibility.</param>
    /// <param name="claims">The VIHF claims.</param>
    /// <param name="structure">The structure signing the VIHF and the submission set.</param>
    /// <param name="digest">The signature digest.</param>
    /// <param name="to">The repository endpoint (wsa:To).</param>
    public static DmpHttpRequest Build(XdsSubmission submission, VihfClaims claims, DmpStructure structure, SignatureDigest digest, Uri to)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(structure);
        var key = $"{submission.Documents[0].Identity.Id}|{submission.Action}|{submission.SubmittedAt.UtcTicks}";
        var signatureId = XdsValues.DerivedOid(submission.Report.Laboratory.Oids.Documents, "4", key);
        var signature = ManifestSignature.Create(new ManifestSignatureRequest(
            signatureId,
            SubmitObjectsRequestWriter.SubmissionSetUniqueId(submission),
            submission.Documents.Select(d => new ManifestDocument(d.Identity.Id, d.Cda, Canonicalize: true)).ToList(),
            structure.SigningCertificate,
            submission.SubmittedAt,
            digest));
        var assertion = VihfAssertion.Create(claims, structure.SigningCertificate, digest, submission.SubmittedAt, "_" + DerivedIds.Uuid("vihf|" + key).ToString("D"));
        var parts = new List<(string ContentId, ReadOnlyMemory<byte> Content, string EntryId)>();
        for (var i = 0; i < submission.Documents.Count; i++)
        {
            var document = submission.Documents[i];
            parts.Add(($"doc{i + 1}.{DerivedIds.Number(document.Identity.Id)}@sglreference", document.Cda, XdsValues.EntryUuid(document.Identity.Id)));
        }

        parts.Add(($"signature.{DerivedIds.Number(signatureId)}@sglreference", signature, SignatureEntryId));
        var envelope = SoapEnvelope.Write(DmpNamespaces.ProvideAndRegisterAction, "urn:uuid:" + DerivedIds.Uuid("message|" + key).ToString("D"), to, assertion, x =>
        {
            x.WriteStartElement("xdsb", "ProvideAndRegisterDocumentSetRequest", DmpNamespaces.Xdsb);
            SubmitObjectsRequestWriter.Write(x, submission, null, WriterOptions, w => SubmitObjectsRequestWriter.WriteSignatureEntry(w, submission, SignatureEntryId, signatureId));
            foreach (var (contentId, _, entryId) in parts)
            {
                x.WriteStartElement("xdsb", "Document", DmpNamespaces.Xdsb);
                x.WriteAttributeString("id", entryId);
                x.WriteStartElement("xop", "Include", DmpNamespaces.Xop);
                x.WriteAttributeString("href", "cid:" + contentId);
                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement();
        });
        return Mtom.Build(envelope, parts.Select(p => (p.ContentId, p.Content)).ToList(), "MIMEBoundary_" + DerivedIds.Number("boundary|" + key), "root." + DerivedIds.Number(key) + "@sglreference");
    }
}
