namespace SglReference.MailboxDirectory;

/// <summary>Where the MSSanté mailboxes of health professionals are published (the Annuaire Santé).</summary>
public interface IMailboxDirectory
{
    /// <summary>
    /// The published MSSanté mailbox of the professional with <paramref name="rpps"/>: found (the one to use, and every
    /// candidate), not found, or failed (the directory could not answer). Never throws for a directory problem.
    /// </summary>
    Task<MailboxLookup> FindAsync(string rpps, CancellationToken cancellationToken = default);
}
