namespace SglReference.Delivery;

/// <summary>The statuses of a report in the service.</summary>
public static class ReportStatuses
{
    /// <summary>Validated and committed; waiting to be rendered.</summary>
    public const string Accepted = "accepted";

    /// <summary>Rendered: documents stored, messages in the outbox.</summary>
    public const string Rendered = "rendered";

    /// <summary>Rendering was refused (a rule the intake could not check) or kept failing.</summary>
    public const string Failed = "failed";

    /// <summary>A withdrawal was asked; its deletion messages are not rendered yet.</summary>
    public const string Withdrawing = "withdrawing";

    /// <summary>Withdrawn: the deletion messages are in the outbox.</summary>
    public const string Withdrawn = "withdrawn";
}
