using SglReference.MailboxDirectory;

namespace SglReference.Hosting;

/// <summary>The Annuaire Santé directory SglReference's hosts use: the HTTP client, its API key from the environment, a cache.</summary>
public static class MailboxDirectories
{
    /// <summary>
    /// The cached Annuaire Santé client of <paramref name="options"/>; the <c>ESANTE-API-KEY</c> is read from the
    /// environment variable the options name (never from the configuration file).
    /// </summary>
    /// <exception cref="ConfigurationException">The variable is not set.</exception>
    public static IMailboxDirectory Create(AnnuaireOptions options, HttpClient http, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
        if (string.IsNullOrEmpty(key))
        {
            throw new ConfigurationException($"annuaire: the Annuaire Santé API key (ESANTE-API-KEY) is expected in the environment variable {options.ApiKeyVariable}, which is not set")
            {
                IsInvalidSetting = false,
            };
        }

        try
        {
            return new CachingMailboxDirectory(new AnnuaireSanteDirectory(http, options, key), options.EffectiveCacheDuration, time);
        }
        catch (Domain.Validation.InvalidSettingException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}
