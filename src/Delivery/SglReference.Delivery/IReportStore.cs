using System.Diagnostics.CodeAnalysis;

namespace SglReference.Delivery;

/// <summary>
/// Reports, their revisions as received, render jobs, stored artifacts and the audit trail. Intake commits a
/// submission (and its render job) before answering; workers claim jobs under a lease (per report in revision order)
/// and commit each render with its artifacts, outbox messages and lineage in one transaction.
/// </summary>
[Experimental(Experimental.Stores)]
public interface IReportStore
{
    /// <summary>Creates the tables when missing (idempotent; safe when several instances start together).</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Commits a submission durably: new report, replacement, identical repeat, or conflict.</summary>
    Task<AcceptOutcome> AcceptAsync(ReportSubmission submission, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Asks for the withdrawal of a report (idempotent); null when the report is unknown.</summary>
    Task<AcceptOutcome?> WithdrawAsync(string reportId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Claims the next render job (the earliest of its report not yet done) for <paramref name="owner"/>; null when none is due.</summary>
    Task<RenderJob?> ClaimJobAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Commits a render (see <see cref="RenderCommit"/>); false when the lease was lost and nothing was stored.</summary>
    Task<bool> CommitRenderAsync(RenderCommit commit, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a render that cannot succeed (the reason names no patient data); false when the lease was lost.</summary>
    Task<bool> FailRenderAsync(RenderJob job, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Gives back the render jobs <paramref name="owner"/> holds; returns how many.</summary>
    Task<int> ReleaseJobsAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>The report with its artifacts and deliveries, or null.</summary>
    Task<ReportView?> FindAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>The bytes and media type of one stored artifact of a report, or null.</summary>
    Task<(ArtifactView Artifact, byte[] Content)?> ArtifactAsync(string reportId, long artifactId, CancellationToken cancellationToken = default);

    /// <summary>The report's audit trail, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Every revision received for the report, oldest first.</summary>
    Task<IReadOnlyList<RevisionView>> RevisionsAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>The bytes of one revision as received, or null.</summary>
    Task<(RevisionView Revision, byte[] Body)?> RevisionBodyAsync(string reportId, int revision, CancellationToken cancellationToken = default);

    /// <summary>The latest reports, most recently changed first, with their deliveries counted per channel and state.</summary>
    Task<IReadOnlyList<ReportSummary>> RecentAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Render jobs not done yet (the backlog).</summary>
    Task<int> BacklogAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the database answers (readiness).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
