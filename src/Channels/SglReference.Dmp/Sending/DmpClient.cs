using System.Globalization;
using System.Xml;
using SglReference.Channels;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;
using SglReference.Dmp.Vihf;
using SglReference.Domain.Documents;
using SglReference.Xds;

namespace SglReference.Dmp.Sending;

/// <summary>
/// Sends DMP requests and runs the exchanges around them: TD0.2 before a publication (no DMP or a closed one: not
/// sent, not retried), ITI-18 to find the entryUUIDs the DMP assigned (RPLC targets, ITI-57 targets), retries with
/// backoff on transient failures, and the check that turns a resubmission refused as a duplicate into a delivery
/// when the first attempt's answer was lost. The ITI-41 goes as rendered (its RPLC targets resolved, same length);
/// the other exchanges carry the request's VIHF issued again, signed with the structure's certificate.
/// Never throws for a delivery failure; thread-safe.
/// </summary>
public sealed class DmpClient : IDisposable
{
    private static readonly string[] VisibilityCodes = ["MASQUE_PS", "INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"];

    private readonly DmpOptions _options;
    private readonly DmpHttp _http;
    private readonly TimeProvider _time;

    /// <summary>Creates the client; <see cref="DmpOptions.AuthenticationCertificate"/> is required.</summary>
    public DmpClient(DmpOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        var certificate = options.AuthenticationCertificate
            ?? throw new Domain.Validation.InvalidSettingException("dmp.authenticationCertificate", "is required to send to the DMP (TLS client certificate)");
        _http = new DmpHttp(certificate, options.TrustedAuthorities ?? [], options.EffectiveTimeout);
    }

    /// <summary>Sends a rendered request (ITI-41 publication or replacement, ITI-57 deletion).</summary>
    public async Task<DeliveryOutcome> SendAsync(DmpHttpRequest request, CancellationToken cancellationToken = default)
    {
        if (Read(request) is not { } info)
        {
            return DeliveryOutcome.Permanent("not a DMP request (Content-Type line, blank line, SOAP or MTOM body)", "SGL-DMP-REQUEST");
        }

        if (_options.Structure(info.StructureId) is null)
        {
            return DeliveryOutcome.Permanent($"no signature certificate configured for structure {info.StructureId}", "SGL-DMP-STRUCTURE");
        }

        if (!info.IsProvideAndRegister)
        {
            return info.StatusChanges.Count == 0
                ? DeliveryOutcome.Permanent("the request is neither a Provide and Register nor a status update", "SGL-DMP-REQUEST")
                : await ChangeStatusAsync(info, info.StatusChanges[0].NewStatus, byPlaceholder: true, cancellationToken).ConfigureAwait(false);
        }

        var existence = await ExistenceAsync(info, cancellationToken).ConfigureAwait(false);
        if (existence is not null)
        {
            return existence;
        }

        var toSend = request;
        if (info.Replacements.Count > 0)
        {
            var (entries, failure) = await FindAsync(info, [DmpNamespaces.Approved], cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            var body = info.Request.Body.ToArray();
            foreach (var (_, placeholder) in info.Replacements)
            {
                var replaced = entries!.FirstOrDefault(e => XdsValues.EntryUuid(e.UniqueId) == placeholder);
                if (replaced is null)
                {
                    return DeliveryOutcome.Permanent("the replaced document is not an approved entry of the patient's DMP (ITI-18): it cannot be replaced", "UnresolvedReferenceException");
                }

                body = ReplaceOnce(body, $"targetObject=\"{placeholder}\"", $"targetObject=\"{replaced.EntryUuid}\"");
            }

            toSend = request with { Body = body };
        }

        var outcome = await WithRetriesAsync("ITI-41", _options.RepositoryUri, toSend, cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome.Status == DeliveryStatus.Permanent && outcome.Outcome.Code is "XDSDuplicateUniqueIdInRegistry" or "XDSNonIdenticalHash")
        {
            // A lost answer followed by a resubmission: delivered when the DMP holds exactly our documents.
            var (entries, failure) = await FindAsync(info, [DmpNamespaces.Approved], cancellationToken).ConfigureAwait(false);
            if (failure is null && info.Documents.All(d => entries!.Any(e => e.UniqueId == d.UniqueId && (e.Hash is null || e.Hash == DmpRequestInfo.Sha1(d.Content)))))
            {
                return DeliveryOutcome.Delivered($"ITI-41: already registered with the same content after {outcome.Attempts} attempt(s) (an earlier answer was lost)", outcome.Outcome.Code);
            }
        }

        return outcome.Outcome with { Detail = outcome.Outcome.Detail + Attempts(outcome.Attempts) };
    }

    /// <summary>Changes the visibility of the documents of <paramref name="request"/> (an ITI-41 sent earlier): ITI-57 metadata update.</summary>
    public async Task<DeliveryOutcome> ChangeVisibilityAsync(DmpHttpRequest request, VisibilityChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Read(request) is not { } info || !info.IsProvideAndRegister)
        {
            return DeliveryOutcome.Permanent("a visibility change needs the ITI-41 request of the documents", "SGL-DMP-REQUEST");
        }

        var (entries, failure) = await FindAsync(info, [DmpNamespaces.Approved], cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var versions = new List<(XmlElement, string)>();
        var n = 0;
        foreach (var document in info.Documents)
        {
            var latest = entries!.Where(e => e.UniqueId == document.UniqueId).MaxBy(e => int.TryParse(e.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0);
            if (latest is null)
            {
                return DeliveryOutcome.Permanent("a document of the request is not an approved entry of the patient's DMP", "XDSMetadataUpdateError");
            }

            var codes = Codes(latest.Element);
            Apply(codes, "MASQUE_PS", change.MaskedToProfessionals);
            Apply(codes, "INVISIBLE_PATIENT", change.InvisibleToPatient);
            Apply(codes, "INVISIBLE_REPRESENTANTS_LEGAUX", change.InvisibleToLegalRepresentatives);
            var ordered = VisibilityCodes.Where(codes.Contains).Select(c => (c, Display(c))).ToList();
            versions.Add((UpdateDocumentSet.NewVersion(latest.Element, "urn:uuid:" + DerivedIds.Uuid($"update|{latest.EntryUuid}|{string.Join(',', codes)}|{++n}").ToString("D"), ordered), latest.Version));
        }

        var update = UpdateDocumentSet.FromSubmissionSet(info.SubmissionSet, Reissue(info), [], versions, _options.RegistryUri, _time.GetUtcNow());
        var outcome = await WithRetriesAsync("ITI-57 metadata update", _options.RegistryUri, update, cancellationToken).ConfigureAwait(false);
        return outcome.Outcome with { Detail = outcome.Outcome.Detail + Attempts(outcome.Attempts) };
    }

    /// <summary>Archives, unarchives or deletes the documents of <paramref name="request"/> (an ITI-41 sent earlier): ITI-57 UpdateAvailabilityStatus.</summary>
    public async Task<DeliveryOutcome> ChangeStatusAsync(DmpHttpRequest request, string newStatus, CancellationToken cancellationToken = default)
    {
        if (Read(request) is not { } info)
        {
            return DeliveryOutcome.Permanent("not a DMP request", "SGL-DMP-REQUEST");
        }

        return await ChangeStatusAsync(info, newStatus, byPlaceholder: !info.IsProvideAndRegister, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<DeliveryOutcome> ChangeStatusAsync(DmpRequestInfo info, string newStatus, bool byPlaceholder, CancellationToken cancellationToken)
    {
        var (entries, failure) = await FindAsync(info, [DmpNamespaces.Approved, DmpNamespaces.Archived], cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var targets = byPlaceholder
            ? info.StatusChanges.Select(c => entries!.FirstOrDefault(e => XdsValues.EntryUuid(e.UniqueId) == c.Target)).ToList()
            : info.Documents.Select(d => entries!.FirstOrDefault(e => e.UniqueId == d.UniqueId)).ToList();
        if (targets.Any(t => t is null))
        {
            return DeliveryOutcome.Permanent("a document is not an approved or archived entry of the patient's DMP (ITI-18)", "UnresolvedReferenceException");
        }

        if (targets.All(t => t!.Status == newStatus))
        {
            return DeliveryOutcome.Delivered("ITI-57: the documents already have the status " + Short(newStatus));
        }

        var changes = targets.Select(t => new StatusChange(t!.EntryUuid, t.Status, newStatus)).ToList();
        var update = UpdateDocumentSet.FromSubmissionSet(info.SubmissionSet, Reissue(info), changes, [], _options.RegistryUri, _time.GetUtcNow());
        var outcome = await WithRetriesAsync("ITI-57 " + Short(newStatus), _options.RegistryUri, update, cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome.Status == DeliveryStatus.Permanent && outcome.Attempts > 1)
        {
            var (after, _) = await FindAsync(info, [newStatus], cancellationToken).ConfigureAwait(false);
            if (after is not null && changes.All(c => after.Any(e => e.EntryUuid == c.Target)))
            {
                return DeliveryOutcome.Delivered($"ITI-57: status {Short(newStatus)} reached (an earlier answer was lost){Attempts(outcome.Attempts)}");
            }
        }

        return outcome.Outcome with { Detail = outcome.Outcome.Detail + Attempts(outcome.Attempts) };
    }

    private async Task<DeliveryOutcome?> ExistenceAsync(DmpRequestInfo info, CancellationToken cancellationToken)
    {
        var cx = info.PatientId.Split('^');
        var oid = cx.Length > 3 ? cx[3].Split('&').ElementAtOrDefault(1) ?? string.Empty : string.Empty;
        var request = ExistenceTest.Build(cx[0], oid, _options.Lps.Name, Reissue(info), _options.PatientsUri, NewMessageId(), _time.GetUtcNow());
        var (outcome, reply, attempts) = await ExchangeAsync("TD0.2", _options.PatientsUri, request, cancellationToken).ConfigureAwait(false);
        if (reply?.Document is null || outcome.Status != DeliveryStatus.Delivered && reply.IsFault)
        {
            return outcome.Status == DeliveryStatus.Delivered ? DeliveryOutcome.Transient("TD0.2: unreadable answer") : outcome with { Detail = outcome.Detail + Attempts(attempts) };
        }

        return ExistenceTest.State(reply.Document) switch
        {
            DmpState.Open => null,
            DmpState.NotFound => DeliveryOutcome.Permanent("TD0.2: the patient has no DMP; the document is not sent", "DMPNotFound"),
            DmpState.Closed => DeliveryOutcome.Permanent("TD0.2: the patient's DMP is closed; the document is not sent", "DMPClosed"),
            _ => DeliveryOutcome.Transient("TD0.2: the DMP's state cannot be read from the answer"),
        };
    }

    private async Task<(IReadOnlyList<RegistryEntry>? Entries, DeliveryOutcome? Failure)> FindAsync(DmpRequestInfo info, IReadOnlyList<string> statuses, CancellationToken cancellationToken)
    {
        var request = FindDocuments.Build(info.PatientId, statuses, Reissue(info), _options.RegistryUri, NewMessageId());
        var (outcome, reply, attempts) = await ExchangeAsync("ITI-18", _options.RegistryUri, request, cancellationToken).ConfigureAwait(false);
        return outcome.Status == DeliveryStatus.Delivered && reply?.Document is { } document
            ? (FindDocuments.Entries(document), null)
            : (null, outcome with { Detail = outcome.Detail + Attempts(attempts) });
    }

    private async Task<(DeliveryOutcome Outcome, int Attempts)> WithRetriesAsync(string what, Uri uri, DmpHttpRequest request, CancellationToken cancellationToken)
    {
        var (outcome, _, attempts) = await ExchangeAsync(what, uri, request, cancellationToken).ConfigureAwait(false);
        return (outcome, attempts);
    }

    private async Task<(DeliveryOutcome Outcome, DmpReply? Reply, int Attempts)> ExchangeAsync(string what, Uri uri, DmpHttpRequest request, CancellationToken cancellationToken)
    {
        var delay = _options.EffectiveBackoff;
        for (var attempt = 1; ; attempt++)
        {
            DeliveryOutcome outcome;
            DmpReply? reply = null;
            try
            {
                reply = await _http.PostAsync(uri, request, cancellationToken).ConfigureAwait(false);
                outcome = DmpOutcomes.Of(reply, what);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or System.Security.Authentication.AuthenticationException)
            {
                outcome = DeliveryOutcome.Transient($"{what}: {(ex is TimeoutException ? "timeout" : "connection")}: {OneLine(ex)}", ex is TimeoutException ? "timeout" : "connection");
            }

            if (outcome.Status != DeliveryStatus.Transient || attempt >= _options.Attempts)
            {
                return (outcome, reply, attempt);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks));
        }
    }

    private XmlElement Reissue(DmpRequestInfo info)
    {
        var structure = _options.Structure(info.StructureId)!;
        return VihfAssertion.Reissue(info.Assertion, structure.SigningCertificate, _options.Digest, _time.GetUtcNow(), "_" + Guid.NewGuid().ToString("D"));
    }

    private static DmpRequestInfo? Read(DmpHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return DmpRequestInfo.Read(request);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static HashSet<string> Codes(XmlElement entry)
    {
        var ns = DmpRequestInfo.Namespaces(entry.OwnerDocument);
        return entry.SelectNodes($"rim:Classification[@classificationScheme='{XdsCodes.ConfidentialityCode}']", ns)!.OfType<XmlElement>()
            .Select(c => c.GetAttribute("nodeRepresentation")).Where(c => c != "N").ToHashSet(StringComparer.Ordinal);
    }

    private static void Apply(HashSet<string> codes, string code, bool? on)
    {
        if (on == true)
        {
            codes.Add(code);
        }
        else if (on == false)
        {
            codes.Remove(code);
        }
    }

    private static string Display(string code) => code switch
    {
        "MASQUE_PS" => "Masqué aux professionnels de santé",
        "INVISIBLE_PATIENT" => "Non visible par le patient",
        _ => "Non visible par les représentants légaux du patient",
    };

    private static byte[] ReplaceOnce(byte[] body, string from, string to)
    {
        var a = System.Text.Encoding.ASCII.GetBytes(from);
        var b = System.Text.Encoding.ASCII.GetBytes(to);
        var at = body.AsSpan().IndexOf(a);
        if (at < 0 || a.Length != b.Length)
        {
            throw new InvalidOperationException("RPLC target not found in the request");
        }

        var copy = (byte[])body.Clone();
        b.CopyTo(copy, at);
        return copy;
    }

    private static string NewMessageId() => "urn:uuid:" + Guid.NewGuid().ToString("D");

    private static string Short(string status) => status[(status.LastIndexOf(':') + 1)..];

    private static string Attempts(int attempts) => attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (after {attempts} attempts)") : string.Empty;

    private static string OneLine(Exception ex) => (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ").Trim();
}
