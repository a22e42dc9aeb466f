using Microsoft.Extensions.Logging;

namespace SglReference.Delivery;

/// <summary>The dispatcher's log messages (event ids 3000-3099): ids, channels and codes, never patient data.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel} to {Destination}, report {ReportId}) sent after {Attempts} attempt(s)")]
    public static partial void Sent(ILogger logger, long deliveryId, string channel, string destination, string reportId, int attempts);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel} to {Destination}, report {ReportId}) failed, attempt {Attempts}, next at {NextAttemptAt:o}: {Detail}")]
    public static partial void Failed(ILogger logger, long deliveryId, string channel, string destination, string reportId, int attempts, DateTimeOffset nextAttemptAt, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Channel} to {Destination}, report {ReportId}) is a dead letter after {Attempts} attempt(s): {Detail}")]
    public static partial void Dead(ILogger logger, long deliveryId, string channel, string destination, string reportId, int attempts, string detail);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the lease was lost before the result was recorded (another instance will send it again)")]
    public static partial void LeaseLost(ILogger logger, long deliveryId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "The dispatcher could not reach the store; trying again in {DelaySeconds} s")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Dispatcher {Owner} released {Count} claimed message(s)")]
    public static partial void Released(ILogger logger, string owner, int count);
}
