using SglReference.Domain.Validation;

namespace SglReference.MailboxDirectory;

/// <summary>
/// How to reach the Annuaire Santé (configuration section <c>annuaire</c>). The API key is never in the
/// configuration: it is read from the environment variable <see cref="ApiKeyVariable"/> names.
/// </summary>
/// <param name="BaseUrl">FHIR base (production <c>https://gateway.api.esante.gouv.fr/fhir/v1</c>; sandbox <c>https://gateway.preprod.api.esante.gouv.fr/fhir/v1</c>).</param>
/// <param name="ApiKeyVariable">The environment variable holding the <c>ESANTE-API-KEY</c>.</param>
/// <param name="MailboxType">The TRE_R257 type of mailbox wanted: PER (personal, default), ORG or APP.</param>
/// <param name="CacheDuration">How long an answer (found or not found) is kept; failures are never kept.</param>
/// <param name="Timeout">How long one lookup (every page) may take.</param>
/// <param name="MaxPages">The most searchset pages followed by <c>next</c>.</param>
public sealed record AnnuaireOptions(
    string BaseUrl = AnnuaireOptions.ProductionBaseUrl,
    string ApiKeyVariable = "ESANTE_API_KEY",
    string MailboxType = "PER",
    TimeSpan? CacheDuration = null,
    TimeSpan? Timeout = null,
    int MaxPages = 10)
{
    /// <summary>The production FHIR base of the Annuaire Santé.</summary>
    public const string ProductionBaseUrl = "https://gateway.api.esante.gouv.fr/fhir/v1";

    /// <summary>The cache duration in force (a day by default).</summary>
    public TimeSpan EffectiveCacheDuration => CacheDuration ?? TimeSpan.FromDays(1);

    /// <summary>The timeout in force (10 s by default).</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(10);

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first one that breaks its rule.</summary>
    public AnnuaireOptions Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0 ||
            !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidSettingException("annuaire.baseUrl", "must be an https URL without query (http only on the loopback, for tests)");
        }

        if (string.IsNullOrEmpty(ApiKeyVariable) || ApiKeyVariable.Length > 128 || !ApiKeyVariable.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new InvalidSettingException("annuaire.apiKeyVariable", "must name an environment variable (letters, digits, _)");
        }

        SettingRules.OneOf("annuaire.mailboxType", MailboxType, "PER", "ORG", "APP");
        if (EffectiveCacheDuration < TimeSpan.Zero || EffectiveCacheDuration > TimeSpan.FromDays(30))
        {
            throw new InvalidSettingException("annuaire.cacheMinutes", "must be between 0 and 43200 (30 days)");
        }

        if (EffectiveTimeout <= TimeSpan.Zero || EffectiveTimeout > TimeSpan.FromMinutes(2))
        {
            throw new InvalidSettingException("annuaire.timeoutSeconds", "must be between 1 and 120");
        }

        if (MaxPages is < 1 or > 100)
        {
            throw new InvalidSettingException("annuaire.maxPages", "must be between 1 and 100");
        }

        return this;
    }
}
