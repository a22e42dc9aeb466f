using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using SglReference.Transport.XmlSignatures;

namespace SglReference.DmpDouble;

/// <summary>The DMP's registry/repository behaviour over <see cref="DoubleState"/>.</summary>
internal sealed class Registry(DoubleState state, DoubleOptions options)
{
    private const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private const string StableEntry = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private const string SsUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    private const string SsPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    private const string SsSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    private const string SsAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    private const string SsContentType = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    private const string DeUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private const string DePatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string DeAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private const string DeClass = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private const string DeType = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private const string DeConfidentiality = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private const string DeFormat = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private const string DeFacility = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    private const string DePractice = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    private const string HasMember = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    private const string Rplc = "urn:ihe:iti:2007:AssociationType:RPLC";
    private const string Signs = "urn:ihe:iti:2007:AssociationType:signs";
    private const string StatusUpdate = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";
    private const string Approved = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    private const string Deprecated = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";
    private const string Archived = "urn:asip:ci-sis:2010:StatusType:Archived";
    private const string Deleted = "urn:asip:ci-sis:2010:StatusType:Deleted";
    private const string SignatureClass = "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1";

    private static readonly string[] Formats = ["urn:ihe:lab:xd-lab:2008", "urn:ihe:iti:xds-sd:pdf:2008", "urn:ihe:iti:xds-sd:text:2008", "http://www.w3.org/2000/09/xmldsig#"];


    public string Existence(Incoming r)
    {
        var id = r.Body.SelectSingleNode(".//hl7:parameterList/hl7:patientIdentifier/hl7:value", r.Ns) as XmlElement
            ?? throw new FaultException("Sender", "InvalidMessage", "TD0.2 : patientIdentifier absent");
        if (id.GetAttribute("extension") != r.PatientMatricule)
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "TD0.2 : le patient n'est pas celui du VIHF");
        }

        var status = state.PatientState(r.PatientMatricule);
        var patient = status == "absent" ? string.Empty :
            $"<subject typeCode=\"SUBJ\"><registrationEvent classCode=\"REG\" moodCode=\"EVN\"><statusCode code=\"completed\"/><subject1 typeCode=\"SBJ\"><patient classCode=\"PAT\"><id root=\"{Soap.E(id.GetAttribute("root"))}\" extension=\"{Soap.E(id.GetAttribute("extension"))}\"/><statusCode code=\"{(status == "closed" ? "terminated" : "active")}\"/></patient></subject1></registrationEvent></subject>";
        var body = $"<PRPA_IN201308UV02 xmlns=\"{Soap.Hl7}\" ITSVersion=\"XML_1.0\"><id root=\"{Guid.NewGuid():D}\"/><interactionId root=\"2.16.840.1.113883.1.6\" extension=\"PRPA_IN201308UV02\"/>" +
            "<acknowledgement typeCode=\"AA\"/><controlActProcess classCode=\"CACT\" moodCode=\"EVN\"><reasonCode code=\"TEST_EXST\" codeSystem=\"1.2.250.1.213.1.1.4.11\"/>" +
            patient + $"<queryAck><queryResponseCode code=\"{(status == "absent" ? "NF" : "OK")}\"/></queryAck></controlActProcess></PRPA_IN201308UV02>";
        return Soap.Envelope("urn:hl7-org:v3:PRPA_IN201308UV02", r.MessageId, body);
    }

    public string FindDocuments(Incoming r)
    {
        var query = r.Body.SelectSingleNode("rim:AdhocQuery", r.Ns) as XmlElement;
        if (r.Body.LocalName != "AdhocQueryRequest" || query?.GetAttribute("id") != "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d")
        {
            return Soap.RegistryResponse("urn:ihe:iti:2007:RegistryStoredQueryResponse", r.MessageId, [new Error("XDSUnknownStoredQuery", "seule FindDocuments est servie")]);
        }

        string? Param(string name) => query.SelectSingleNode($"rim:Slot[@name='{name}']/rim:ValueList/rim:Value", r.Ns)?.InnerText.Trim();
        var patient = Param("$XDSDocumentEntryPatientId")?.Trim('\'');
        var statuses = (Param("$XDSDocumentEntryStatus") ?? string.Empty).Trim('(', ')').Split(',').Select(s => s.Trim().Trim('\'')).ToHashSet(StringComparer.Ordinal);
        if (patient is null || statuses.Count == 0)
        {
            return Soap.RegistryResponse("urn:ihe:iti:2007:RegistryStoredQueryResponse", r.MessageId, [new Error("XDSStoredQueryMissingParam", "$XDSDocumentEntryPatientId et $XDSDocumentEntryStatus sont requis")]);
        }

        if (Incoming.PatientKeyOf(patient, out _, out _) != r.PatientKey)
        {
            return Soap.RegistryResponse("urn:ihe:iti:2007:RegistryStoredQueryResponse", r.MessageId, [new Error("XDSPatientIdDoesNotMatch", "le patient de la requête n'est pas celui du VIHF")]);
        }

        List<string> found;
        lock (state.Gate)
        {
            found = state.Entries.Where(e => e.PatientKey == r.PatientKey && statuses.Contains(e.Status)).Select(e => e.Xml).ToList();
        }

        var body = $"<query:AdhocQueryResponse xmlns:query=\"{Soap.Query}\" xmlns:rim=\"{Soap.Rim}\" status=\"{Soap.Success}\"><rim:RegistryObjectList>{string.Concat(found)}</rim:RegistryObjectList></query:AdhocQueryResponse>";
        return Soap.Envelope("urn:ihe:iti:2007:RegistryStoredQueryResponse", r.MessageId, body);
    }

    public string ProvideAndRegister(Incoming r, Verdicts verdicts)
    {
        const string action = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse";
        var errors = new List<Error>();
        var request = r.Body;
        var list = request.SelectSingleNode("lcm:SubmitObjectsRequest/rim:RegistryObjectList", r.Ns) as XmlElement;
        if (request.LocalName != "ProvideAndRegisterDocumentSetRequest" || request.NamespaceURI != Soap.Xdsb || list is null)
        {
            return Soap.RegistryResponse(action, r.MessageId, [new Error("XDSRepositoryMetadataError", "ProvideAndRegisterDocumentSetRequest/SubmitObjectsRequest attendu")]);
        }

        var (submissionSet, ssErrors) = SubmissionSet(list, r);
        errors.AddRange(ssErrors);
        var extrinsic = list.SelectNodes("rim:ExtrinsicObject", r.Ns)!.OfType<XmlElement>().ToList();
        var documents = request.SelectNodes("xdsb:Document", r.Ns)!.OfType<XmlElement>().ToList();
        var associations = list.SelectNodes("rim:Association", r.Ns)!.OfType<XmlElement>().ToList();

        // MTOM: every Document ↔ one ExtrinsicObject, every xop:Include resolves to one part, no part unused.
        var content = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var id = d.GetAttribute("id");
            var href = (d.SelectSingleNode("xop:Include", r.Ns) as XmlElement)?.GetAttribute("href") ?? string.Empty;
            var cid = href.StartsWith("cid:", StringComparison.Ordinal) ? Uri.UnescapeDataString(href[4..]) : string.Empty;
            if (!r.Parts.TryGetValue(cid, out var bytes) || !used.Add(cid))
            {
                errors.Add(new Error("XDSMissingDocument", $"xdsb:Document {id} : xop:Include {href} ne désigne pas une partie MIME (une seule fois)"));
                continue;
            }

            if (!content.TryAdd(id, bytes))
            {
                errors.Add(new Error("XDSRepositoryDuplicateUniqueIdInMessage", $"xdsb:Document {id} en double"));
            }

            if (extrinsic.All(e => e.GetAttribute("id") != id))
            {
                errors.Add(new Error("XDSMissingDocumentMetadata", $"xdsb:Document {id} sans ExtrinsicObject"));
            }
        }

        foreach (var unused in r.Parts.Keys.Where(k => !used.Contains(k)))
        {
            errors.Add(new Error("XDSMissingDocumentMetadata", $"partie MIME {unused} non référencée"));
        }

        var entries = new List<(XmlElement Element, string UniqueId, byte[] Bytes, bool Signature)>();
        var uniqueIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in extrinsic)
        {
            var id = e.GetAttribute("id");
            if (!content.TryGetValue(id, out var bytes))
            {
                errors.Add(new Error("XDSMissingDocument", $"ExtrinsicObject {id} sans xdsb:Document"));
                bytes = [];
            }

            var uniqueId = External(e, DeUniqueId, r) ?? string.Empty;
            var isSignature = Code(e, DeClass, r) == SignatureClass;
            errors.AddRange(EntryErrors(e, r, submissionSet?.Patient, isSignature, bytes));
            if (!associations.Any(a => a.GetAttribute("associationType") == HasMember && a.GetAttribute("sourceObject") == submissionSet?.Id && a.GetAttribute("targetObject") == id))
            {
                errors.Add(new Error("XDSRegistryMetadataError", $"ExtrinsicObject {id} sans association HasMember depuis le lot de soumission"));
            }

            if (uniqueId.Length > 0 && !uniqueIds.Add(uniqueId))
            {
                errors.Add(new Error("XDSRegistryDuplicateUniqueIdInMessage", $"uniqueId {uniqueId} en double dans la soumission"));
            }

            entries.Add((e, uniqueId, bytes, isSignature));
        }

        var documentsOnly = entries.Where(e => !e.Signature).ToList();
        if (documentsOnly.Count == 0)
        {
            errors.Add(new Error("XDSRegistryMetadataError", "aucun document dans la soumission"));
        }

        // Author rule (indirect modes): the VIHF structure is an authorInstitution of each document.
        if (r.Vihf["Authentification_mode"] != "DIRECTE")
        {
            foreach (var e in documentsOnly.Where(e => !Authors(e.Element, r).Institutions.Contains(r.StructureId)))
            {
                errors.Add(new Error("XDSRegistryMetadataError", $"Aucun AuthorInstitution ne correspond à l'utilisateur du VIHF ({e.Element.GetAttribute("id")})"));
            }
        }

        // The submission-set signature (IHE DSG, XAdES).
        var signatures = entries.Where(e => e.Signature).ToList();
        if (signatures.Count != 1)
        {
            errors.Add(new Error("XDSRepositoryMetadataError", "signature du lot de soumission : une entrée de signature est requise"));
        }
        else if (submissionSet is not null)
        {
            var signature = signatures[0];
            if (!associations.Any(a => a.GetAttribute("associationType") == Signs && a.GetAttribute("sourceObject") == signature.Element.GetAttribute("id") && a.GetAttribute("targetObject") == submissionSet.Id))
            {
                errors.Add(new Error("XDSRepositoryMetadataError", "signature du lot de soumission : association signs absente"));
            }

            var byUniqueId = documentsOnly.ToDictionary(d => d.UniqueId, d => (ReadOnlyMemory<byte>?)d.Bytes, StringComparer.Ordinal);
            var check = ManifestSignature.Verify(signature.Bytes, submissionSet.UniqueId, u => byUniqueId.GetValueOrDefault(u));
            verdicts.Xades = check.Core.IsValid;
            verdicts.Manifest = check.References.Count > 0 && check.References.All(x => x.Matches);
            var covered = check.References.Select(x => x.Uri["urn:oid:".Length..]).ToHashSet(StringComparer.Ordinal);
            if (!check.IsValid)
            {
                errors.Add(new Error("XDSRepositoryMetadataError", "signature du lot de soumission invalide : " + check.FirstProblem));
            }
            else if (check.SignatureId != signature.UniqueId)
            {
                errors.Add(new Error("XDSRepositoryMetadataError", "signature du lot de soumission : Signature/@Id n'est pas le uniqueId de l'entrée de signature"));
            }
            else if (!covered.Contains(submissionSet.UniqueId) || documentsOnly.Any(d => !covered.Contains(d.UniqueId)))
            {
                errors.Add(new Error("XDSRepositoryMetadataError", "signature du lot de soumission : le manifeste ne couvre pas le lot et chaque document"));
            }
            else if (check.Core.Signer!.Thumbprint == r.ClientCertificate.Thumbprint)
            {
                return Soap.Fault("Sender", "DMPInvalidCertificate", "la signature du lot est faite avec le certificat d'authentification", r.MessageId);
            }
            else if (!options.Trusts(check.Core.Signer))
            {
                return Soap.Fault("Sender", "DMPInvalidCertificate", "certificat de signature du lot non reconnu", r.MessageId);
            }
        }

        // Registry rules: unknown / closed DMP, duplicates, RPLC.
        var patientState = state.PatientState(r.PatientMatricule);
        if (patientState == "absent")
        {
            errors.Add(new Error("XDSUnknownPatientId", "le patient n'a pas de DMP"));
        }
        else if (patientState == "closed")
        {
            errors.Add(new Error("DMPClosed", "le DMP du patient est fermé"));
        }

        var replacements = new List<(string Source, Entry Target)>();
        lock (state.Gate)
        {
            if (submissionSet is not null && state.SubmissionSets.Contains(submissionSet.UniqueId))
            {
                errors.Add(new Error("XDSDuplicateUniqueIdInRegistry", $"lot de soumission {submissionSet.UniqueId} déjà enregistré"));
            }

            foreach (var e in entries)
            {
                var existing = state.Entries.FirstOrDefault(x => x.UniqueId == e.UniqueId);
                if (existing is not null)
                {
                    errors.Add(existing.Hash == Sha1(e.Bytes)
                        ? new Error("XDSDuplicateUniqueIdInRegistry", $"document {e.UniqueId} déjà enregistré")
                        : new Error("XDSNonIdenticalHash", $"document {e.UniqueId} déjà enregistré avec un autre contenu"));
                }
            }

            foreach (var a in associations.Where(a => a.GetAttribute("associationType") == Rplc))
            {
                var target = state.Entries.FirstOrDefault(x => x.Id == a.GetAttribute("targetObject"));
                if (extrinsic.All(e => e.GetAttribute("id") != a.GetAttribute("sourceObject")))
                {
                    errors.Add(new Error("XDSRegistryMetadataError", "RPLC : la source n'est pas un document de la soumission"));
                }
                else if (target is null || target.Status == Deleted)
                {
                    errors.Add(new Error("UnresolvedReferenceException", "RPLC : entrée remplacée inconnue"));
                }
                else if (target.Status == Deprecated)
                {
                    errors.Add(new Error("XDSRegistryDeprecatedDocumentError", "RPLC : l'entrée remplacée est dépréciée"));
                }
                else if (target.PatientKey != r.PatientKey)
                {
                    errors.Add(new Error("XDSPatientIdDoesNotMatch", "RPLC : l'entrée remplacée est d'un autre patient"));
                }
                else if (!target.AuthorInstitutions.Contains(r.StructureId) && !target.AuthorPersons.Contains(r.NameId))
                {
                    errors.Add(new Error("XDSRegistryMetadataError", "RPLC : seul un auteur du document peut le remplacer"));
                }
                else
                {
                    replacements.Add((a.GetAttribute("sourceObject"), target));
                }
            }

            if (errors.Any(e => !e.Warning))
            {
                return Soap.RegistryResponse(action, r.MessageId, errors);
            }

            state.SubmissionSets.Add(submissionSet!.UniqueId);
            foreach (var e in entries)
            {
                var replaced = replacements.FirstOrDefault(x => x.Source == e.Element.GetAttribute("id")).Target;
                if (replaced is not null)
                {
                    replaced.Status = Deprecated;
                    replaced.Xml = WithStatus(replaced.Xml, Deprecated);
                }

                var uuid = "urn:uuid:" + Guid.NewGuid().ToString("D");
                state.Entries.Add(Store(e.Element, uuid, uuid, 1, e.Bytes, r));
            }
        }

        return Soap.RegistryResponse(action, r.MessageId, errors);
    }

    public string Update(Incoming r)
    {
        const string action = "urn:ihe:iti:2010:UpdateDocumentSet-Response";
        var errors = new List<Error>();
        var list = r.Body.SelectSingleNode("rim:RegistryObjectList", r.Ns) as XmlElement;
        if (r.Body.LocalName != "SubmitObjectsRequest" || r.Body.NamespaceURI != Soap.Lcm || list is null)
        {
            return Soap.RegistryResponse(action, r.MessageId, [new Error("XDSRegistryMetadataError", "SubmitObjectsRequest attendu")]);
        }

        var (submissionSet, ssErrors) = SubmissionSet(list, r);
        errors.AddRange(ssErrors);
        if (errors.Count > 0 || submissionSet is null)
        {
            return Soap.RegistryResponse(action, r.MessageId, errors);
        }

        var associations = list.SelectNodes("rim:Association", r.Ns)!.OfType<XmlElement>().ToList();
        var extrinsic = list.SelectNodes("rim:ExtrinsicObject", r.Ns)!.OfType<XmlElement>().ToList();
        if (extrinsic.Any(e => Code(e, DeClass, r) == SignatureClass))
        {
            errors.Add(new Error("XDSMetadataUpdateOperationError", "pas de signature XAdES dans une mise à jour (ITI-57)"));
        }

        lock (state.Gate)
        {
            var apply = new List<Action>();
            foreach (var a in associations.Where(a => a.GetAttribute("associationType") == StatusUpdate))
            {
                var target = state.Entries.FirstOrDefault(x => x.Id == a.GetAttribute("targetObject") || (x.Lid == a.GetAttribute("targetObject") && x.Status != Deprecated));
                var original = Slot(a, "OriginalStatus", r);
                var next = Slot(a, "NewStatus", r);
                if (a.GetAttribute("sourceObject") != submissionSet.Id)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "UpdateAvailabilityStatus : la source doit être le lot de soumission"));
                }
                else if (target is null)
                {
                    errors.Add(new Error("UnresolvedReferenceException", "UpdateAvailabilityStatus : entrée inconnue"));
                }
                else if (target.PatientKey != r.PatientKey)
                {
                    errors.Add(new Error("XDSPatientIdDoesNotMatch", "UpdateAvailabilityStatus : l'entrée est d'un autre patient"));
                }
                else if (original != target.Status)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "UpdateAvailabilityStatus : OriginalStatus n'est pas le statut de l'entrée"));
                }
                else if (!((original == Approved && next is Archived or Deleted) || (original == Archived && next is Approved or Deleted)))
                {
                    errors.Add(new Error("XDSMetadataUpdateOperationError", "UpdateAvailabilityStatus : changement de statut non permis"));
                }
                else if (!target.AuthorInstitutions.Contains(r.StructureId) && !target.AuthorPersons.Contains(r.NameId))
                {
                    errors.Add(new Error("XDSMetadataUpdateOperationError", "seul un auteur du document peut en changer le statut"));
                }
                else
                {
                    apply.Add(() => { target.Status = next; target.Xml = WithStatus(target.Xml, next); });
                }
            }

            foreach (var e in extrinsic)
            {
                var member = associations.FirstOrDefault(a => a.GetAttribute("associationType") == HasMember && a.GetAttribute("targetObject") == e.GetAttribute("id") && a.GetAttribute("sourceObject") == submissionSet.Id);
                var previous = member is null ? string.Empty : Slot(member, "PreviousVersion", r);
                var lid = e.GetAttribute("lid");
                var latest = state.Entries.Where(x => x.Lid == lid).MaxBy(x => x.Version);
                var uniqueId = External(e, DeUniqueId, r);
                var bytesHash = (e.SelectSingleNode("rim:Slot[@name='hash']/rim:ValueList/rim:Value", r.Ns)?.InnerText.Trim()) ?? string.Empty;
                errors.AddRange(EntryErrors(e, r, submissionSet.Patient, false, null).Where(x => x.Code != "XDSNonIdenticalHash"));
                if (member is null || previous.Length == 0)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "mise à jour : HasMember avec PreviousVersion requis"));
                }
                else if (latest is null)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "mise à jour : aucune entrée de ce lid"));
                }
                else if (latest.Status != Approved)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "mise à jour : la dernière version n'est pas Approved"));
                }
                else if (previous != latest.Version.ToString(CultureInfo.InvariantCulture))
                {
                    errors.Add(new Error("XDSMetadataVersionError", $"mise à jour : PreviousVersion {previous}, dernière version {latest.Version}"));
                }
                else if (uniqueId != latest.UniqueId)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "mise à jour : le uniqueId ne peut changer"));
                }
                else if (Incoming.PatientKeyOf(External(e, DePatientId, r) ?? string.Empty, out _, out _) != latest.PatientKey)
                {
                    errors.Add(new Error("XDSPatientIDReconciliationError", "mise à jour : le patient ne peut changer"));
                }
                else if (bytesHash.Length > 0 && bytesHash != latest.Hash)
                {
                    errors.Add(new Error("XDSMetadataUpdateError", "mise à jour : hash ne peut changer"));
                }
                else if (!latest.AuthorInstitutions.Contains(r.StructureId) && !latest.AuthorPersons.Contains(r.NameId))
                {
                    errors.Add(new Error("XDSMetadataUpdateOperationError", "seul un auteur du document peut le mettre à jour"));
                }
                else
                {
                    var element = e;
                    apply.Add(() =>
                    {
                        latest.Status = Deprecated;
                        latest.Xml = WithStatus(latest.Xml, Deprecated);
                        var stored = Store(element, "urn:uuid:" + Guid.NewGuid().ToString("D"), lid, latest.Version + 1, null, r, latest);
                        state.Entries.Add(stored);
                    });
                }
            }

            if (apply.Count == 0 && errors.Count == 0)
            {
                errors.Add(new Error("XDSMetadataUpdateError", "mise à jour vide"));
            }

            if (errors.Any(e => !e.Warning))
            {
                return Soap.RegistryResponse(action, r.MessageId, errors);
            }

            if (!state.SubmissionSets.Add(submissionSet.UniqueId))
            {
                return Soap.RegistryResponse(action, r.MessageId, [new Error("XDSDuplicateUniqueIdInRegistry", $"lot de soumission {submissionSet.UniqueId} déjà enregistré")]);
            }

            foreach (var a in apply)
            {
                a();
            }
        }

        return Soap.RegistryResponse(action, r.MessageId, errors);
    }

    private sealed record SubmissionSetInfo(string Id, string UniqueId, string Patient);

    private (SubmissionSetInfo?, List<Error>) SubmissionSet(XmlElement list, Incoming r)
    {
        var errors = new List<Error>();
        var packages = list.SelectNodes("rim:RegistryPackage", r.Ns)!.OfType<XmlElement>()
            .Where(p => p.SelectSingleNode($"rim:Classification[@classificationNode='{SubmissionSetNode}']", r.Ns) is not null
                || list.SelectSingleNode($"rim:Classification[@classificationNode='{SubmissionSetNode}' and @classifiedObject='{p.GetAttribute("id")}']", r.Ns) is not null).ToList();
        if (packages.Count != 1)
        {
            errors.Add(new Error("XDSRegistryMetadataError", "exactement un lot de soumission est requis"));
            return (null, errors);
        }

        var ss = packages[0];
        if (ss.SelectSingleNode("rim:Slot[@name='submissionTime']/rim:ValueList/rim:Value", r.Ns) is null)
        {
            errors.Add(new Error("XDSRegistryMetadataError", "lot de soumission : submissionTime absent"));
        }

        foreach (var (scheme, name) in new[] { (SsAuthor, "author"), (SsContentType, "contentTypeCode") })
        {
            if (ss.SelectSingleNode($"rim:Classification[@classificationScheme='{scheme}']", r.Ns) is null)
            {
                errors.Add(new Error("XDSRegistryMetadataError", $"lot de soumission : {name} absent"));
            }
        }

        var uniqueId = External(ss, SsUniqueId, r);
        var patient = External(ss, SsPatientId, r);
        if (External(ss, SsSourceId, r) is not { } source || !IsOid(source))
        {
            errors.Add(new Error("XDSRegistryMetadataError", "lot de soumission : sourceId (OID) absent"));
        }

        if (uniqueId is null || !IsOid(uniqueId))
        {
            errors.Add(new Error("XDSRegistryMetadataError", "lot de soumission : uniqueId doit être un OID de 64 caractères au plus"));
        }

        var key = patient is null ? null : Incoming.PatientKeyOf(patient, out _, out var type) is { } k && type == "NH" ? k : null;
        if (key is null)
        {
            errors.Add(new Error("XDSRegistryMetadataError", "lot de soumission : patientId doit être l'INS (CX ^NH)"));
        }
        else if (key != r.PatientKey)
        {
            errors.Add(new Error("XDSPatientIdDoesNotMatch", "lot de soumission : patientId n'est pas le patient du VIHF"));
        }

        return (uniqueId is null || key is null ? null : new SubmissionSetInfo(ss.GetAttribute("id"), uniqueId, key), errors);
    }

    private IEnumerable<Error> EntryErrors(XmlElement e, Incoming r, string? patient, bool signature, byte[]? bytes)
    {
        var id = e.GetAttribute("id");
        if (e.GetAttribute("objectType") != StableEntry)
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : objectType de DocumentEntry stable attendu");
        }

        foreach (var slot in new[] { "creationTime", "languageCode", "sourcePatientId" })
        {
            if (e.SelectSingleNode($"rim:Slot[@name='{slot}']/rim:ValueList/rim:Value", r.Ns) is null)
            {
                yield return new Error("XDSRegistryMetadataError", $"{id} : slot {slot} absent");
            }
        }

        foreach (var (scheme, name) in new[] { (DeAuthor, "author"), (DeClass, "classCode"), (DeType, "typeCode"), (DeConfidentiality, "confidentialityCode"), (DeFormat, "formatCode"), (DeFacility, "healthcareFacilityTypeCode"), (DePractice, "practiceSettingCode") })
        {
            if (e.SelectSingleNode($"rim:Classification[@classificationScheme='{scheme}']", r.Ns) is null)
            {
                yield return new Error("XDSRegistryMetadataError", $"{id} : {name} absent");
            }
        }

        var uniqueId = External(e, DeUniqueId, r);
        if (uniqueId is null || !IsOid(uniqueId))
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : uniqueId doit être un OID de 64 caractères au plus");
        }

        var entryPatient = External(e, DePatientId, r);
        if (entryPatient is null || Incoming.PatientKeyOf(entryPatient, out _, out _) != patient)
        {
            yield return new Error("XDSPatientIdDoesNotMatch", $"{id} : patientId différent de celui du lot de soumission");
        }

        var classCode = Code(e, DeClass, r);
        var typeCode = Code(e, DeType, r);
        var format = Code(e, DeFormat, r);
        if (signature ? typeCode != "E1762" : classCode != "10" || typeCode != "11502-2")
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : classCode/typeCode hors des jeux de valeurs DMP (CR de biologie 10 / 11502-2, signature E1762)");
        }

        if (format is null || !Formats.Contains(format))
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : formatCode {format} hors du jeu de valeurs");
        }

        var facility = Code(e, DeFacility, r) ?? string.Empty;
        if (!facility.StartsWith("SA", StringComparison.Ordinal))
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : healthcareFacilityTypeCode doit être un secteur d'activité");
        }

        if (!options.InValueSet("J04", Code(e, DePractice, r) ?? string.Empty))
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : practiceSettingCode hors JDV_J04");
        }

        var confidentiality = Codes(e, DeConfidentiality, r);
        if (!confidentiality.Contains("N") || confidentiality.Any(c => c is "R" or "V" || !options.InValueSet("J08", c)))
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : confidentialityCode doit être N plus des codes de masquage (JDV_J08, ni R ni V)");
        }

        foreach (var specialty in e.SelectNodes($"rim:Classification[@classificationScheme='{DeAuthor}']/rim:Slot[@name='authorSpecialty']/rim:ValueList/rim:Value", r.Ns)!.OfType<XmlElement>())
        {
            if (!options.InValueSet("J01", specialty.InnerText.Split('^')[0]))
            {
                yield return new Error("XDSRegistryMetadataError", $"{id} : authorSpecialty hors JDV_J01");
            }
        }

        if (bytes is not null)
        {
            if (e.SelectSingleNode("rim:Slot[@name='hash']/rim:ValueList/rim:Value", r.Ns)?.InnerText.Trim() is { } hash && !string.Equals(hash, Sha1(bytes), StringComparison.OrdinalIgnoreCase))
            {
                yield return new Error("XDSNonIdenticalHash", $"{id} : hash différent du SHA-1 du document");
            }

            if (e.SelectSingleNode("rim:Slot[@name='size']/rim:ValueList/rim:Value", r.Ns)?.InnerText.Trim() is { } size && size != bytes.Length.ToString(CultureInfo.InvariantCulture))
            {
                yield return new Error("XDSRepositoryMetadataError", $"{id} : size différente de la taille du document");
            }
        }

        if (Authors(e, r) is { Persons.Count: 0 } or { Institutions.Count: 0 })
        {
            yield return new Error("XDSRegistryMetadataError", $"{id} : author doit nommer une personne (IDNPS) et une structure (IDNST)");
        }
    }

    private Entry Store(XmlElement element, string uuid, string lid, int version, byte[]? bytes, Incoming r, Entry? previous = null)
    {
        var d = new XmlDocument { PreserveWhitespace = true };
        var e = (XmlElement)d.AppendChild(d.ImportNode(element, deep: true))!;
        var oldId = e.GetAttribute("id");
        e.SetAttribute("id", uuid);
        e.SetAttribute("lid", lid);
        e.SetAttribute("status", Approved);
        foreach (var child in e.ChildNodes.OfType<XmlElement>().ToList())
        {
            if (child.LocalName is "VersionInfo" || (child.LocalName == "Slot" && child.GetAttribute("name") is "hash" or "size" or "repositoryUniqueId"))
            {
                e.RemoveChild(child);
            }
            else if (child.LocalName is "Classification" or "ExternalIdentifier")
            {
                child.SetAttribute("id", "urn:uuid:" + Guid.NewGuid().ToString("D"));
                child.SetAttribute(child.LocalName == "Classification" ? "classifiedObject" : "registryObject", uuid);
            }
        }

        var hash = previous?.Hash ?? Sha1(bytes!);
        var size = previous?.Size ?? bytes!.Length.ToString(CultureInfo.InvariantCulture);
        void AddSlot(string name, string value)
        {
            var slot = d.CreateElement("rim", "Slot", Soap.Rim);
            slot.SetAttribute("name", name);
            slot.AppendChild(d.CreateElement("rim", "ValueList", Soap.Rim))!.AppendChild(d.CreateElement("rim", "Value", Soap.Rim))!.InnerText = value;
            e.PrependChild(slot);
        }

        AddSlot("repositoryUniqueId", "1.2.250.1.213.4.1.1.1.2");
        AddSlot("size", size);
        AddSlot("hash", hash);
        var versionInfo = d.CreateElement("rim", "VersionInfo", Soap.Rim);
        versionInfo.SetAttribute("versionName", version.ToString(CultureInfo.InvariantCulture));
        var name = e.ChildNodes.OfType<XmlElement>().LastOrDefault(c => c.LocalName is "Name" or "Description");
        e.InsertAfter(versionInfo, (XmlNode?)name ?? e.ChildNodes.OfType<XmlElement>().Last(c => c.LocalName == "Slot"));
        _ = oldId;
        var authors = Authors(e, r);
        return new Entry
        {
            Id = uuid, Lid = lid, Version = version, Status = Approved, UniqueId = External(e, DeUniqueId, r) ?? string.Empty,
            PatientKey = Incoming.PatientKeyOf(External(e, DePatientId, r) ?? string.Empty, out _, out _) ?? string.Empty,
            Hash = hash, Size = size, AuthorInstitutions = authors.Institutions, AuthorPersons = authors.Persons,
            Confidentiality = Codes(e, DeConfidentiality, r), Xml = e.OuterXml,
        };
    }

    private static (List<string> Persons, List<string> Institutions) Authors(XmlElement e, Incoming r)
    {
        var persons = new List<string>();
        var institutions = new List<string>();
        foreach (XmlElement author in e.SelectNodes($"rim:Classification[@classificationScheme='{DeAuthor}']", r.Ns)!)
        {
            persons.AddRange(author.SelectNodes("rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value", r.Ns)!.OfType<XmlElement>().Select(v => v.InnerText.Split('^')[0]).Where(v => v.Length > 0));
            institutions.AddRange(author.SelectNodes("rim:Slot[@name='authorInstitution']/rim:ValueList/rim:Value", r.Ns)!.OfType<XmlElement>()
                .Select(v => v.InnerText.Split('^')).Where(c => c.Length > 9 && c[6] == "IDNST").Select(c => c[9]));
        }

        return (persons, institutions);
    }

    private static string WithStatus(string xml, string status)
    {
        var d = new XmlDocument { PreserveWhitespace = true };
        d.LoadXml(xml);
        d.DocumentElement!.SetAttribute("status", status);
        return d.DocumentElement.OuterXml;
    }

    private static string? External(XmlElement e, string scheme, Incoming r) =>
        (e.SelectSingleNode($"rim:ExternalIdentifier[@identificationScheme='{scheme}']", r.Ns) as XmlElement)?.GetAttribute("value");

    private static string? Code(XmlElement e, string scheme, Incoming r) =>
        (e.SelectSingleNode($"rim:Classification[@classificationScheme='{scheme}']", r.Ns) as XmlElement)?.GetAttribute("nodeRepresentation");

    private static List<string> Codes(XmlElement e, string scheme, Incoming r) =>
        e.SelectNodes($"rim:Classification[@classificationScheme='{scheme}']", r.Ns)!.OfType<XmlElement>().Select(c => c.GetAttribute("nodeRepresentation")).ToList();

    private static string Slot(XmlElement e, string name, Incoming r) =>
        e.SelectSingleNode($"rim:Slot[@name='{name}']/rim:ValueList/rim:Value", r.Ns)?.InnerText.Trim() ?? string.Empty;

    private static bool IsOid(string value) =>
        value.Length is > 0 and <= 64 && value.Split('.').All(a => a.Length > 0 && a.All(char.IsAsciiDigit) && (a.Length == 1 || a[0] != '0'));

#pragma warning disable CA5350 // the XDS hash is SHA-1
    private static string Sha1(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));
#pragma warning restore CA5350

    public static string Describe(string xml) => Encoding.UTF8.GetByteCount(xml).ToString(CultureInfo.InvariantCulture);
}
