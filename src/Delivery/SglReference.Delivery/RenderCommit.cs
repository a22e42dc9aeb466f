using SglReference.Domain.Documents;

namespace SglReference.Delivery;

/// <summary>
/// Everything one successful render stores, in one transaction: the artifacts, the outbox messages, the issued
/// versions (lineage), the report's status and the audit entry. Committed only while the job's lease is held.
/// </summary>
/// <param name="Job">The job rendered.</param>
/// <param name="Artifacts">Every file of the package.</param>
/// <param name="Messages">The channel messages (their bytes are among <paramref name="Artifacts"/>).</param>
/// <param name="Issued">The identity of every document issued (the whole identity: id, setId, version, what it replaced).</param>
/// <param name="Summary">The audit detail (counts and channel decisions, no patient data).</param>
public sealed record RenderCommit(RenderJob Job, IReadOnlyList<StoredArtifact> Artifacts, IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<IssuedDocument> Issued, string Summary);
