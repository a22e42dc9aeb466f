namespace SglReference.Dmp.Requests;

/// <summary>An ITI-57 UpdateAvailabilityStatus of one registry entry.</summary>
/// <param name="Target">The entry's entryUUID (or, in a rendered deletion, the placeholder the sender resolves).</param>
/// <param name="OriginalStatus">Its status now.</param>
/// <param name="NewStatus">Its status after the update.</param>
public sealed record StatusChange(string Target, string OriginalStatus, string NewStatus);
