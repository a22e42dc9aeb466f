namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>One ERR segment, decoded.</summary>
/// <param name="Location">ERR-2 (e.g. "PID^1^3"), empty when not given.</param>
/// <param name="Condition">ERR-3.1, HL7 table 0357 (e.g. "207").</param>
/// <param name="ConditionText">ERR-3.2 as sent, or the table's label.</param>
/// <param name="Severity">ERR-4: E error, W warning, I information, F fatal.</param>
/// <param name="ApplicationCode">ERR-5.1 (e.g. "905", "DMPClosed", an SMTP code), empty when none.</param>
/// <param name="ApplicationText">ERR-5.2.</param>
/// <param name="ApplicationSystem">ERR-5.3 (applicationErrorCondition, applicationErrorCode, DMPERRORCODE, SMTPERRORCODE...).</param>
public sealed record Hl7Error(
    string Location,
    string Condition,
    string ConditionText,
    string Severity,
    string ApplicationCode,
    string ApplicationText,
    string ApplicationSystem)
{
    /// <summary>The consumer error (900-906) when ERR-5 carries one of the volet's application codes.</summary>
    public ConsumerError? Consumer =>
        ApplicationCode.Length > 0 && ApplicationSystem.StartsWith("applicationError", StringComparison.OrdinalIgnoreCase) || Condition == "207" && ErrorTables.ConsumerErrorOf(ApplicationCode) != ConsumerError.Unlisted
            ? ErrorTables.ConsumerErrorOf(ApplicationCode)
            : null;

    /// <summary>One line: "207 Application error at PID^1^3: 905 L'INS transmis n'est pas complet (E)".</summary>
    public override string ToString()
    {
        var text = ConditionText.Length > 0 ? ConditionText : ErrorTables.MessageErrorConditions.GetValueOrDefault(Condition, string.Empty);
        var line = $"{Condition} {text}".Trim();
        if (Location.Length > 0)
        {
            line += $" at {Location}";
        }

        if (ApplicationCode.Length > 0)
        {
            var label = ApplicationText.Length > 0 ? ApplicationText
                : Consumer is { } c && ErrorTables.ConsumerErrors.TryGetValue(c, out var known) ? known : string.Empty;
            line += $": {ApplicationCode} {label}".TrimEnd();
        }

        return Severity.Length > 0 ? $"{line} ({Severity})" : line;
    }
}
