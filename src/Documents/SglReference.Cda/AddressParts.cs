using System.Text.RegularExpressions;
using SglReference.Domain;

namespace SglReference.Cda;

/// <summary>
/// An address's free lines in the parts of the CDA split form: a house number leading the first line ("28", "7 bis",
/// "12B") becomes houseNumber and the rest streetName; a first line without one is the street name; the other lines
/// are joined into one additionalLocator. Nothing is dropped.
/// </summary>
internal sealed partial record AddressParts(string? HouseNumber, string? StreetName, string? AdditionalLocator)
{
    public static AddressParts Of(Address address)
    {
        if (address.Lines.IsEmpty)
        {
            return new AddressParts(null, null, null);
        }

        var first = address.Lines[0].Trim();
        var locator = address.Lines.Count > 1 ? string.Join(", ", address.Lines.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0)) : null;
        var match = LeadingNumber().Match(first);
        return match.Success
            ? new AddressParts(match.Groups["number"].Value, match.Groups["street"].Value, Blank(locator))
            : new AddressParts(null, Blank(first), Blank(locator));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^(?<number>\d{1,5}(?:\s(?i:bis|ter|quater)\b|[A-Z]\b)?),?\s+(?<street>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingNumber();
}
