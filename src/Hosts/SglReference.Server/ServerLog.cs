using Microsoft.Extensions.Logging;
using SglReference.Domain.Validation;

namespace SglReference.Server;

/// <summary>The service's log messages (event ids 4000-4099): report ids, codes and counts, never patient data.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "sgl serve {Instance} started: store {Store}, {Workers} render worker(s), transports {Transports}")]
    public static partial void Started(ILogger logger, string instance, string store, int workers, string transports);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Report {ReportId} revision {Revision} accepted ({Kind}) from {Caller}")]
    public static partial void Accepted(ILogger logger, string reportId, int revision, string kind, string caller);

    /// <summary>An input path comes from the sender's JSON keys: its control characters are escaped so it cannot forge a log line.</summary>
    public static void Refused(ILogger logger, string reportId, int count, string code, string path)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var printable = SettingRules.Printable(path);
            RefusedEscaped(logger, reportId, count, code, printable);
        }
    }

    /// <summary>Codes and paths only: the messages (kept in the store for the API) may quote the report.</summary>
    public static void RenderFailed(ILogger logger, string reportId, int revision, int count, string code, string path)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var printable = SettingRules.Printable(path);
            RenderFailedEscaped(logger, reportId, revision, count, code, printable);
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Report {ReportId} refused at intake: {Count} error(s), first {Code} at {Path}")]
    private static partial void RefusedEscaped(ILogger logger, string reportId, int count, string code, string path);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Report {ReportId} revision {Revision} could not be rendered: {Count} error(s), first {Code} at {Path}")]
    private static partial void RenderFailedEscaped(ILogger logger, string reportId, int revision, int count, string code, string path);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Render job {JobId} of report {ReportId} failed unexpectedly ({ExceptionType}); its lease will expire and it will be tried again")]
    public static partial void RenderCrashed(ILogger logger, long jobId, string reportId, string exceptionType);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Certificate {Purpose} ({Subject}) expires on {NotAfter:yyyy-MM-dd}: {DaysLeft} day(s) left ({State})")]
    public static partial void CertificateExpiring(ILogger logger, string purpose, string subject, DateTimeOffset notAfter, int daysLeft, string state);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Stopping: intake closed; render workers released {Jobs} job(s)")]
    public static partial void Stopped(ILogger logger, int jobs);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "ZAM listener on {Address}:{Port}")]
    public static partial void Listening(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Business acknowledgement for unknown message {CorrelationId}")]
    public static partial void UnknownAcknowledgement(ILogger logger, string correlationId);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Channel {Channel} has no transport configured: its messages wait in the outbox")]
    public static partial void NoTransport(ILogger logger, string channel);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Unexpected failure serving {Method} {Path} ({ExceptionType})")]
    public static partial void Unexpected(ILogger logger, string method, string path, string exceptionType);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Released {Count} lease(s) left by a previous run")]
    public static partial void ReleasedStale(ILogger logger, int count);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Render worker could not reach the store; trying again")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Report {ReportId}: Annuaire Santé lookup for the {Role}: {Outcome}")]
    public static partial void MailboxLookup(ILogger logger, string reportId, string role, SglReference.MailboxDirectory.MailboxLookupOutcome outcome);
}
