namespace SglReference.Hosting;

/// <summary>
/// The configuration is unreadable or names something that cannot be used. <see cref="IsInvalidSetting"/> tells a
/// setting that breaks its rule (bad input: the CLI exits 2) from an environment that cannot serve a valid one (a
/// font package or a licence file missing: exit 1).
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>True when a setting breaks its rule; false when the environment is at fault.</summary>
    public bool IsInvalidSetting { get; init; } = true;

    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationException()
    {
    }
}
