using SglReference.Domain.Documents;

namespace SglReference.Channels;

/// <summary>The file names artifacts are written under: the report id, the version, a suffix.</summary>
public static class ChannelFileNames
{
    /// <summary>"{reportId}-professional.{suffix}", "{reportId}-patient.{suffix}" or "{reportId}.{suffix}".</summary>
    public static string For(string reportId, Audience audience, string suffix)
    {
        ArgumentNullException.ThrowIfNull(reportId);
        ArgumentNullException.ThrowIfNull(suffix);
        return audience switch
        {
            Audience.Professional => $"{reportId}-professional.{suffix}",
            Audience.Patient => $"{reportId}-patient.{suffix}",
            _ => $"{reportId}.{suffix}",
        };
    }
}
