using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SglReference.Channels;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;
using SglReference.Dmp.Vihf;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Xds;

namespace SglReference.Dmp;

/// <summary>
/// The DMP channel: one request per report, for the version the delivery plan sends to the DMP (the professional
/// version, or the single one) with its N3 and, when the lab issues it, its N1. A publication is an ITI-41 Provide and
/// Register (a replacement carries RPLC to the replaced entries, resolved by the sender with ITI-18); a withdrawal is
/// an ITI-57 deletion. Masking codes come from the plan's DMP flags. patientId is the qualified INS only: without it,
/// or with blockDmp, there is no DMP message.
/// </summary>
[Experimental(Experimental.Channels)]
public sealed class DmpChannel : IDeliveryChannel
{
    /// <summary>The channel's name.</summary>
    public const string ChannelName = "dmp";

    /// <summary>The artifact kind of a Provide and Register request.</summary>
    public const string ProvideAndRegisterKind = "dmp-iti41";

    /// <summary>The artifact kind of an Update Document Set request (deletion).</summary>
    public const string UpdateKind = "dmp-iti57";

    private readonly DmpOptions _options;

    /// <summary>Creates the channel with validated options.</summary>
    public DmpChannel(DmpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options in use.</summary>
    public DmpOptions Options => _options;

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public ChannelReadiness Check(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        if (context.Plan.DmpMessage is null || report.Patient.QualifiedIns is null)
        {
            var notes = context.Plan.Notes.Where(n => n.StartsWith("DMP", StringComparison.Ordinal)).ToList();
            return ChannelReadiness.NotPlanned(notes.Count > 0 ? string.Join("; ", notes) : "DMP: the delivery plan does not feed the DMP");
        }

        if (report.Biologist.Idnps is null)
        {
            return ChannelReadiness.NotPlanned("DMP: the biologist has no RPPS (VIHF NameID and authorPerson need the IDNPS)");
        }

        if (VihfClaimsOf.Roles(report.Biologist).Problem is { } problem)
        {
            return ChannelReadiness.NotPlanned("DMP: " + problem);
        }

        var structure = StructureId(context);
        if (_options.Structure(structure) is null)
        {
            return ChannelReadiness.NotPlanned($"DMP: no signature certificate for structure {structure} (the VIHF Identifiant_Structure must be the authorInstitution id 1 + FINESS of the site; configure dmp.signatureCertificates)");
        }

        return ChannelReadiness.Ready;
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundMessage> Build(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var readiness = Check(context);
        if (!readiness.IsReady)
        {
            throw new ChannelRuleException("SGL-DMP", readiness.Reason!);
        }

        var report = context.Report;
        var flags = context.Plan.DmpMessage!;
        var audience = context.Plan.VersionFor(flags);
        var documents = context.Documents.Cda(audience, includeN1: true)
            .Select(d => new XdsDocument(d.Format!.Value, d.Identity, d.Content)).ToList();
        var submission = new XdsSubmission(report, documents, context.Action, context.Now, flags);
        var structure = _options.Structure(StructureId(context))!;
        var claims = VihfClaimsOf.For(report, flags, structure, _options, VihfClaimsOf.Roles(report.Biologist).Roles!);
        var n3 = documents[0].Identity;
        DmpHttpRequest request;
        string kind;
        // An ITI-57 is renewed by the client when it sends it (after ITI-18 found the targets): the DMP never sees the rendered id.
        string? correlationId = null;
        if (context.Action == DocumentAction.Delete)
        {
            var key = $"{n3.Id}|delete|{context.Now.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
            var assertion = VihfAssertion.Create(claims, structure.SigningCertificate, _options.Digest, context.Now, "_" + DerivedIds.Uuid("vihf|" + key).ToString("D"));
            var changes = documents.Select(d => new StatusChange(XdsValues.EntryUuid(d.Identity.Id), DmpNamespaces.Approved, DmpNamespaces.Deleted)).ToList();
            request = UpdateDocumentSet.Deletion(submission, assertion, changes, _options.RegistryUri, "urn:uuid:" + DerivedIds.Uuid("message|" + key).ToString("D"));
            kind = UpdateKind;
        }
        else
        {
            request = ProvideAndRegister.Build(submission, claims, structure, _options.Digest, _options.RepositoryUri);
            kind = ProvideAndRegisterKind;
            correlationId = SubmitObjectsRequestWriter.SubmissionSetUniqueId(submission);
        }

        return
        [
            new OutboundMessage(
                ChannelName, kind, audience, "dmp", [],
                string.Create(CultureInfo.InvariantCulture, $"{ChannelName}|{n3.Id}|{context.Action}"), n3.SetId, ChainSequence.Of(n3, context.Action), n3,
                ChannelFileNames.For(report.ReportId, audience, kind + ".http"), "application/octet-stream", request.ToArtifact(), [])
            {
                CorrelationId = correlationId,
            },
        ];
    }

    private static string StructureId(ChannelContext context) => "1" + context.Report.Laboratory.FinessGeographique;
}
