using System.Globalization;

namespace SglReference.Domain.Presentation;

/// <summary>
/// HL7 time values, the same in CDA (v3 TS), HL7 v2 (TS/DTM) and XDS metadata: YYYYMMDDhhmmss+zzzz for instants (the
/// offset they were given in), YYYYMMDD for dates, YYYYMMDDhhmmss in UTC for XDS.
/// </summary>
public static class Hl7Time
{
    /// <summary>An instant with seconds and its UTC offset.</summary>
    public static string Instant(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A date.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>An instant in UTC to the second, without offset (XDS DTM, ITI TF-3 §4.2.3.1.5).</summary>
    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
