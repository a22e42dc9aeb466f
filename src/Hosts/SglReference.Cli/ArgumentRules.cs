using System.CommandLine;
using System.Globalization;
using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>
/// Checks numeric command-line values before they reach a timer or a loop: NaN, infinities, negative or absurd values
/// are an <see cref="InvalidSettingException"/> naming the option (exit 2), never a hang nor an "unexpected" failure.
/// </summary>
internal static class ArgumentRules
{
    /// <summary>Seconds in (0, max], or [0, max] with <paramref name="allowZero"/>.</summary>
    public static TimeSpan Seconds(ParseResult parse, Option<double> option, double max, bool allowZero = false) =>
        Seconds(option.Name, parse.GetValue(option), max, allowZero);

    /// <summary>Seconds in (0, max] (or [0, max] with <paramref name="allowZero"/>) when given.</summary>
    public static TimeSpan? Seconds(ParseResult parse, Option<double?> option, double max, bool allowZero = false) =>
        parse.GetValue(option) is { } value ? Seconds(option.Name, value, max, allowZero) : null;

    /// <summary>A whole number in [min, max].</summary>
    public static int Whole(ParseResult parse, Option<int> option, int min, int max) => Whole(option.Name, parse.GetValue(option), min, max);

    /// <summary>A whole number in [min, max] when given.</summary>
    public static int? Whole(ParseResult parse, Option<int?> option, int min, int max) =>
        parse.GetValue(option) is { } value ? Whole(option.Name, value, min, max) : null;

    private static TimeSpan Seconds(string name, double value, double max, bool allowZero)
    {
        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0) || value > max)
        {
            throw new InvalidSettingException(name, string.Create(CultureInfo.InvariantCulture,
                $"must be a number of seconds {(allowZero ? "from 0" : "above 0")} to {max}, found {value}"));
        }

        return TimeSpan.FromSeconds(value);
    }

    private static int Whole(string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new InvalidSettingException(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}, found {value}"));
        }

        return value;
    }
}
