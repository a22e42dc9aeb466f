using SglReference.Channels;
using SglReference.Dmp.Soap;

namespace SglReference.Dmp.Sending;

/// <summary>What a DMP answer means for the outbox: delivered, a failure a retry can fix, or one it cannot.</summary>
public static class DmpOutcomes
{
    /// <summary>The XDS codes a retry can fix: busy, out of resources, not available, internal errors.</summary>
    public static IReadOnlySet<string> TransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "XDSRegistryBusy", "XDSRepositoryBusy", "XDSRegistryOutOfResources", "XDSRepositoryOutOfResources",
        "XDSRegistryNotAvailable", "XDSRegistryError", "XDSRepositoryError",
    };

    /// <summary>The outcome of one answer.</summary>
    public static DeliveryOutcome Of(DmpReply reply, string what)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsFault)
        {
            var code = reply.FaultSubcode ?? reply.FaultCode!;
            var detail = $"{what}: SOAP fault {reply.FaultCode}{(reply.FaultSubcode is null ? string.Empty : "/" + reply.FaultSubcode)}: {DmpReply.Redact(reply.FaultReason ?? string.Empty)}";
            return reply.FaultCode!.EndsWith("Receiver", StringComparison.Ordinal) ? DeliveryOutcome.Transient(detail, code) : DeliveryOutcome.Permanent(detail, code);
        }

        if (reply.Status is null)
        {
            var http = "HTTP " + reply.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return reply.HttpStatus is >= 500 or 408 or 429
                ? DeliveryOutcome.Transient($"{what}: {http} without a SOAP answer", http)
                : DeliveryOutcome.Permanent($"{what}: {http} without a SOAP answer", http);
        }

        var errors = reply.Errors.Where(e => e.IsError).ToList();
        var warnings = reply.Errors.Where(e => !e.IsError).Select(e => e.Code).ToList();
        if (reply.Status == DmpNamespaces.Success || (reply.Status == DmpNamespaces.PartialSuccess && errors.Count == 0))
        {
            return DeliveryOutcome.Delivered($"{what}: accepted" + (warnings.Count > 0 ? " with warnings " + string.Join(", ", warnings) : string.Empty), warnings.FirstOrDefault());
        }

        if (errors.Count == 0)
        {
            return DeliveryOutcome.Permanent($"{what}: status {reply.Status} without error", null);
        }

        var permanent = errors.FirstOrDefault(e => !TransientCodes.Contains(e.Code));
        var first = permanent ?? errors[0];
        var text = $"{what}: {first.Code}: {first.Context}" + (errors.Count > 1 ? $" (+{errors.Count - 1} more: {string.Join(", ", errors.Skip(1).Select(e => e.Code).Distinct())})" : string.Empty);
        return permanent is null ? DeliveryOutcome.Transient(text, first.Code) : DeliveryOutcome.Permanent(text, first.Code);
    }
}
