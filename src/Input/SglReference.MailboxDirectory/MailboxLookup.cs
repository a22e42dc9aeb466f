namespace SglReference.MailboxDirectory;

/// <summary>The answer for one RPPS.</summary>
/// <param name="Rpps">The RPPS looked up.</param>
/// <param name="Outcome">Found, not found or failed.</param>
/// <param name="Address">The mailbox to use, when found.</param>
/// <param name="Candidates">Every usable mailbox, the chosen one first (README: "which one wins").</param>
/// <param name="Detail">Why it was not found, or what failed, in words.</param>
public sealed record MailboxLookup(string Rpps, MailboxLookupOutcome Outcome, string? Address, IReadOnlyList<DirectoryMailbox> Candidates, string? Detail)
{
    /// <summary>A found mailbox: the first candidate.</summary>
    public static MailboxLookup Found(string rpps, IReadOnlyList<DirectoryMailbox> candidates) =>
        new(rpps, MailboxLookupOutcome.Found, candidates[0].Address, candidates, null);

    /// <summary>No usable mailbox.</summary>
    public static MailboxLookup NotFound(string rpps, string detail) => new(rpps, MailboxLookupOutcome.NotFound, null, [], detail);

    /// <summary>The directory could not answer.</summary>
    public static MailboxLookup Failed(string rpps, string detail) => new(rpps, MailboxLookupOutcome.Failed, null, [], detail);

    /// <summary>One line for people: the address, or why there is none.</summary>
    public override string ToString() => Outcome switch
    {
        MailboxLookupOutcome.Found => $"RPPS {Rpps}: {Address}" + (Candidates.Count > 1 ? $" (1 of {Candidates.Count})" : string.Empty),
        MailboxLookupOutcome.NotFound => $"RPPS {Rpps}: no mailbox ({Detail})",
        _ => $"RPPS {Rpps}: lookup failed ({Detail})",
    };
}
