using SglReference.Domain;
using System.Globalization;

namespace SglReference.Input.Json;

/// <summary>The date-time forms inputs may use: RFC 3339 with a UTC offset, minutes at least.</summary>
internal static class Timestamps
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null &&
            DateTimeOffset.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
