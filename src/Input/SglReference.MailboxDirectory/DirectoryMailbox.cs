namespace SglReference.MailboxDirectory;

/// <summary>One MSSanté mailbox the directory publishes for a professional.</summary>
/// <param name="Address">The mailbox.</param>
/// <param name="Type">Its type in TRE_R257 (PER, ORG, APP), when given.</param>
/// <param name="Source">The resource carrying it (<c>PractitionerRole/123</c>, <c>Practitioner/456</c>).</param>
/// <param name="LastUpdated">When that resource was last updated (meta.lastUpdated), when given.</param>
public sealed record DirectoryMailbox(string Address, string? Type, string Source, DateTimeOffset? LastUpdated);
