using Microsoft.Extensions.Logging;

namespace SglReference.Engine;

/// <summary>
/// The engine's log messages (source-generated). Event ids 1000-1099. No patient data: report and document ids are
/// the lab's numbers, reasons are written without names, INS or addresses.
/// </summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Rendered report {ReportId} revision {Revision} ({Action}): {Documents} document(s), {Messages} message(s) in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Rendered(ILogger logger, string reportId, int revision, SglReference.Domain.Delivery.DocumentAction action, int documents, int messages, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Report {ReportId}: channel {Channel} not planned: {Reason}")]
    public static partial void ChannelNotPlanned(ILogger logger, string reportId, string channel, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Report {ReportId} refused: {Code} at {Path}")]
    public static partial void Refused(ILogger logger, string reportId, string code, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Engine built: PDF renderer {Renderer}, {Channels} channel(s), {Laboratories} laboratory profile(s)")]
    public static partial void Built(ILogger logger, string renderer, int channels, int laboratories);
}
