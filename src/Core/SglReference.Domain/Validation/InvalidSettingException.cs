namespace SglReference.Domain.Validation;

/// <summary>
/// A setting of an options object (built in code or read from a configuration file) breaks its rule. The message
/// names the setting as the configuration file does, then the rule: <c>hl7.charset: must be "UNICODE UTF-8" or "8859/15"</c>.
/// </summary>
public sealed class InvalidSettingException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    public InvalidSettingException(string setting, string rule)
        : base($"{setting}: {rule}")
    {
        Setting = setting;
        Rule = rule;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSettingException()
    {
        Setting = string.Empty;
        Rule = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSettingException(string message, Exception inner)
        : base(message, inner)
    {
        Setting = string.Empty;
        Rule = message;
    }

    /// <summary>The setting, as the configuration file names it (hl7.charset).</summary>
    public string Setting { get; }

    /// <summary>The rule it breaks.</summary>
    public string Rule { get; }
}
