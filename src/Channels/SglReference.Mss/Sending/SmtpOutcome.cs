namespace SglReference.Mss.Sending;

/// <summary>One SMTP attempt's result.</summary>
/// <param name="Status">Delivered, retry or rejected.</param>
/// <param name="ReplyCode">The server's reply code when it gave one.</param>
/// <param name="Detail">The server's reply or the failure, in one line (no message content).</param>
public sealed record SmtpOutcome(SmtpStatus Status, int? ReplyCode, string Detail);
