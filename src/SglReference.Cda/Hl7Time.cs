using System.Globalization;

namespace SglReference.Cda;

/// <summary>HL7 v3 TS values: YYYYMMDDhhmmss+zzzz for instants (the offset they were given in), YYYYMMDD for dates.</summary>
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
}
