using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;

namespace SglReference.MailboxDirectory;

/// <summary>
/// The Annuaire Santé FHIR API as an <see cref="IMailboxDirectory"/>:
/// <c>GET {base}/PractitionerRole?practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|8{RPPS}&amp;mailbox-mss-type={TRE_R257}|PER&amp;_include=PractitionerRole:practitioner</c>
/// with the <c>ESANTE-API-KEY</c> header, following the searchset's <c>next</c> links (only to the same host).
/// Mailboxes are the <c>telecom</c> e-mails carrying the <c>as-ext-mailbox-mss-metadata</c> extension (or the FR Core
/// e-mail type MSSANTE), of the requested type, not on the liste rouge, valid MSSanté addresses. Several: the one on
/// the most recently updated resource wins (meta.lastUpdated), then the alphabetical order.
/// </summary>
public sealed class AnnuaireSanteDirectory : IMailboxDirectory
{
    /// <summary>TRE_R257 TypeBAL.</summary>
    public const string MailboxTypeSystem = "https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL";

    /// <summary>The Annuaire's mailbox metadata extension (type, listeRouge...).</summary>
    public const string MailboxMetadata = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata";

    private const string EmailType = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type";
    private const string Idnps = "urn:oid:1.2.250.1.71.4.2.1";

    private readonly HttpClient _http;
    private readonly AnnuaireOptions _options;
    private readonly string _apiKey;
    private readonly Uri _base;

    /// <summary>Creates the client; <paramref name="apiKey"/> is sent as <c>ESANTE-API-KEY</c>.</summary>
    public AnnuaireSanteDirectory(HttpClient http, AnnuaireOptions options, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _http = http;
        _options = options.Validate();
        _apiKey = apiKey;
        _base = new Uri(options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The RPPS is not an RPPS (11 digits with its Luhn key).</exception>
    public async Task<MailboxLookup> FindAsync(string rpps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpps);
        if (Rpps.Check(rpps) is { } violation)
        {
            throw new ArgumentException($"rpps: {violation.Message}", nameof(rpps));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.EffectiveTimeout);
        var query = $"PractitionerRole?practitioner.identifier={Uri.EscapeDataString($"{Idnps}|8{rpps}")}" +
            $"&mailbox-mss-type={Uri.EscapeDataString($"{MailboxTypeSystem}|{_options.MailboxType}")}" +
            "&_include=PractitionerRole:practitioner&_count=50";
        var next = new Uri(_base, query);
        var found = new List<DirectoryMailbox>();
        var excluded = 0;
        try
        {
            for (var page = 1; next is not null; page++)
            {
                if (page > _options.MaxPages)
                {
                    return MailboxLookup.Failed(rpps, $"the answer has more than {_options.MaxPages} pages (annuaire.maxPages)");
                }

                var (failure, document) = await GetAsync(next, timeout.Token).ConfigureAwait(false);
                if (failure is not null)
                {
                    return MailboxLookup.Failed(rpps, failure);
                }

                using (document)
                {
                    var root = document!.RootElement;
                    if (Text(root, "resourceType") != "Bundle" || Text(root, "type") != "searchset")
                    {
                        return MailboxLookup.Failed(rpps, "the directory did not answer with a searchset Bundle");
                    }

                    excluded += Collect(root, rpps, found);
                    next = NextLink(root, out var foreign);
                    if (foreign is not null)
                    {
                        return MailboxLookup.Failed(rpps, $"the next page is on another host ({Printable(foreign)}): not followed, the API key stays with {_base.Host}");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MailboxLookup.Failed(rpps, $"no answer from {_base.Host} within {_options.EffectiveTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            return MailboxLookup.Failed(rpps, $"cannot reach {_base.Host}: {Printable(ex.Message)}");
        }

        var candidates = found
            .GroupBy(m => m.Address, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(m => m.LastUpdated ?? DateTimeOffset.MinValue).First())
            .OrderByDescending(m => m.LastUpdated ?? DateTimeOffset.MinValue)
            .ThenBy(m => m.Address, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (candidates.Count > 0)
        {
            return MailboxLookup.Found(rpps, candidates);
        }

        return MailboxLookup.NotFound(rpps, excluded > 0
            ? $"the Annuaire Santé publishes no usable {_options.MailboxType} mailbox ({excluded} on the liste rouge, of another type or not an MSSanté address)"
            : $"the Annuaire Santé publishes no {_options.MailboxType} MSSanté mailbox for this RPPS");
    }

    private async Task<(string? Failure, JsonDocument? Document)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("ESANTE-API-KEY", _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument? document = null;
        try
        {
            document = bytes.Length == 0 ? null : JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
        }

        if (!response.IsSuccessStatusCode)
        {
            var outcome = document is null ? null : OperationOutcome(document.RootElement);
            document?.Dispose();
            return ($"the Annuaire Santé answered HTTP {(int)response.StatusCode} {Printable(response.ReasonPhrase ?? string.Empty)}" + (outcome is null ? string.Empty : $": {outcome}"), null);
        }

        return document is null ? ("the Annuaire Santé answered with no JSON", null) : (null, document);
    }

    /// <summary>The issues of an OperationOutcome, in words.</summary>
    private static string? OperationOutcome(JsonElement root)
    {
        if (Text(root, "resourceType") != "OperationOutcome" || !root.TryGetProperty("issue", out var issues) || issues.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = issues.EnumerateArray().Select(issue =>
        {
            var code = Text(issue, "code");
            var words = Text(issue, "diagnostics") ??
                (issue.TryGetProperty("details", out var details) ? Text(details, "text") : null);
            return string.Join(" ", new[] { code, words }.Where(w => w is not null));
        }).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? null : Printable(string.Join("; ", texts));
    }

    /// <summary>Adds the usable mailboxes of a page; returns how many were left out.</summary>
    private int Collect(JsonElement bundle, string rpps, List<DirectoryMailbox> found)
    {
        var excluded = 0;
        if (!bundle.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (!entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = Text(resource, "resourceType");
            if (type is not ("PractitionerRole" or "Practitioner") ||
                (resource.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.False) ||
                (type == "Practitioner" && !Identifies(resource, rpps)))
            {
                continue;
            }

            var source = $"{type}/{Text(resource, "id") ?? "?"}";
            DateTimeOffset? updated = resource.TryGetProperty("meta", out var meta) && Text(meta, "lastUpdated") is { } lastUpdated &&
                DateTimeOffset.TryParse(lastUpdated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
            if (!resource.TryGetProperty("telecom", out var telecoms) || telecoms.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var telecom in telecoms.EnumerateArray())
            {
                if (Text(telecom, "system") != "email" || Text(telecom, "value") is not { } address)
                {
                    continue;
                }

                var (isMss, mailboxType, listeRouge) = Metadata(telecom);
                if (!isMss)
                {
                    continue;
                }

                if (listeRouge || (mailboxType is not null && mailboxType != _options.MailboxType) || MssanteAddress.Check(address) is not null)
                {
                    excluded++;
                    continue;
                }

                found.Add(new DirectoryMailbox(address, mailboxType, source, updated));
            }
        }

        return excluded;
    }

    /// <summary>True when the Practitioner carries the IDNPS (8 + RPPS) or the RPPS.</summary>
    private static bool Identifies(JsonElement practitioner, string rpps)
    {
        if (!practitioner.TryGetProperty("identifier", out var identifiers) || identifiers.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        return identifiers.EnumerateArray().Any(i =>
            (Text(i, "system") == Idnps && Text(i, "value") == "8" + rpps) ||
            (Text(i, "system") is "https://rpps.esante.gouv.fr" or "http://rpps.fr" && Text(i, "value") == rpps));
    }

    private static (bool IsMss, string? Type, bool ListeRouge) Metadata(JsonElement telecom)
    {
        if (!telecom.TryGetProperty("extension", out var extensions) || extensions.ValueKind != JsonValueKind.Array)
        {
            return (false, null, false);
        }

        var isMss = false;
        string? type = null;
        var listeRouge = false;
        foreach (var extension in extensions.EnumerateArray())
        {
            switch (Text(extension, "url"))
            {
                case EmailType:
                    isMss |= extension.TryGetProperty("valueCoding", out var coding) && Text(coding, "code") == "MSSANTE";
                    break;
                case MailboxMetadata:
                    isMss = true;
                    if (extension.TryGetProperty("extension", out var parts) && parts.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var part in parts.EnumerateArray())
                        {
                            if (Text(part, "url") == "type" && part.TryGetProperty("valueCodeableConcept", out var concept) &&
                                concept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
                            {
                                type = codings.EnumerateArray().Select(c => Text(c, "code")).FirstOrDefault(c => c is not null);
                            }
                            else if (Text(part, "url") == "listeRouge" && part.TryGetProperty("valueBoolean", out var flag))
                            {
                                listeRouge = flag.ValueKind == JsonValueKind.True;
                            }
                        }
                    }

                    break;
            }
        }

        return (isMss, type, listeRouge);
    }

    /// <summary>The <c>next</c> link, when it is on the directory's host; <paramref name="foreign"/> when it leaves it.</summary>
    private Uri? NextLink(JsonElement bundle, out string? foreign)
    {
        foreign = null;
        if (!bundle.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (Text(link, "relation") == "next" && Text(link, "url") is { } url)
            {
                if (Uri.TryCreate(_base, url, out var next) && next.Scheme == _base.Scheme && next.Host == _base.Host && next.Port == _base.Port)
                {
                    return next;
                }

                foreign = url;
                return null;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Printable(string text) => SettingRules.Printable(text.Length > 300 ? text[..300] + "…" : text);
}
