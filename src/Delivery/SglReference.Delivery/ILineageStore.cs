using System.Diagnostics.CodeAnalysis;
using SglReference.Domain.Documents;

namespace SglReference.Delivery;

/// <summary>
/// Remembers every document version issued, with its whole identity (id, setId, version, what it replaced) and the
/// revision it was issued for; written in the same transaction as the outbox messages that carry them.
/// </summary>
[Experimental(Experimental.Stores)]
public interface ILineageStore
{
    /// <summary>The last issued version of each of the report's chains (empty before its first issue).</summary>
    Task<IReadOnlyList<IssuedDocument>> LastIssuedAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Every version ever issued for the report, oldest first.</summary>
    Task<IReadOnlyList<IssuedDocument>> HistoryAsync(string reportId, CancellationToken cancellationToken = default);
}
