using SglReference.Hl7v2.Acknowledgements;

namespace SglReference.Hl7v2.Mllp;

/// <summary>The result of sending one message, with every attempt (no patient data: control ids and codes only).</summary>
/// <param name="Status">Delivered, refused or failed.</param>
/// <param name="ControlId">MSH-10 of the message.</param>
/// <param name="Acknowledgement">The last ACK received, when one was.</param>
/// <param name="Attempts">Each attempt in order.</param>
public sealed record SendOutcome(SendStatus Status, string ControlId, Acknowledgement? Acknowledgement, IReadOnlyList<SendAttempt> Attempts)
{
    /// <summary>One line for logs and the CLI.</summary>
    public string Describe()
    {
        var tries = Attempts.Count == 1 ? "1 attempt" : $"{Attempts.Count} attempts";
        var detail = Status switch
        {
            SendStatus.Delivered => "accepted (AA)",
            SendStatus.Refused => "refused (" + Acknowledgement!.Describe() + ")",
            _ => "failed (" + string.Join(", ", Attempts.Select(a => a.Outcome)) + ")",
        };
        return $"message {ControlId}: {detail} after {tries}";
    }
}
