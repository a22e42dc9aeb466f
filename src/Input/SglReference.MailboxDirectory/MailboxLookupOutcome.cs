namespace SglReference.MailboxDirectory;

/// <summary>What a lookup found.</summary>
public enum MailboxLookupOutcome
{
    /// <summary>A mailbox is published; <see cref="MailboxLookup.Address"/> is the one to use.</summary>
    Found,

    /// <summary>The directory answered: no usable mailbox of the requested type is published for this RPPS.</summary>
    NotFound,

    /// <summary>The directory did not answer (HTTP error with its OperationOutcome, timeout, unreadable answer).</summary>
    Failed,
}
