using System.Collections.Concurrent;

namespace SglReference.MailboxDirectory;

/// <summary>
/// Keeps the answers of another directory for a while: found and not found for <c>duration</c>, failures never (the
/// next lookup asks again). Thread-safe; one entry per RPPS.
/// </summary>
public sealed class CachingMailboxDirectory : IMailboxDirectory
{
    private readonly IMailboxDirectory _inner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (MailboxLookup Lookup, DateTimeOffset Until)> _answers = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public CachingMailboxDirectory(IMailboxDirectory inner, TimeSpan duration, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _duration = duration;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<MailboxLookup> FindAsync(string rpps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpps);
        var now = _time.GetUtcNow();
        if (_answers.TryGetValue(rpps, out var kept) && kept.Until > now)
        {
            return kept.Lookup;
        }

        var lookup = await _inner.FindAsync(rpps, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != MailboxLookupOutcome.Failed && _duration > TimeSpan.Zero)
        {
            _answers[rpps] = (lookup, now + _duration);
        }

        return lookup;
    }
}
