using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SglReference.Delivery;
using SglReference.Engine;
using SglReference.MailboxDirectory;
using SglReference.Domain.Validation;
using SglReference.Input;

namespace SglReference.Server;

/// <summary>
/// Renders accepted reports in the background, <see cref="ServerOptions.Workers"/> at once: claims a job under a lease
/// (a report's jobs in revision order), renders it with the lineage the store holds, and commits the artifacts, the
/// outbox messages and the issued identities in one transaction. On SIGTERM the renders in progress are finished and
/// committed, then the claims still held are released; after a SIGKILL the leases expire and another worker (or the
/// restarted instance) renders the job again — nothing is committed twice, as the commit checks the lease.
/// </summary>
internal sealed class RenderWorker : BackgroundService
{
    private const int MaxClaims = 5;
    private readonly ServerRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RenderWorker(ServerRuntime runtime, TimeProvider time, ILogger<RenderWorker> logger)
    {
        _runtime = runtime;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, _runtime.Options.Workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None)).ToList();
        await Task.WhenAll(loops).ConfigureAwait(false);
        var released = await _runtime.Store.ReleaseJobsAsync(_runtime.Instance, CancellationToken.None).ConfigureAwait(false);
        ServerLog.Stopped(_logger, released);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await RunOnceAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
            {
                ServerLog.StoreUnavailable(_logger, ex);
                worked = false;
            }

            if (!worked)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                idle.CancelAfter(TimeSpan.FromMilliseconds(500));
                await _runtime.RenderWork.WaitAsync(idle.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and renders one job; false when none was due.</summary>
    internal async Task<bool> RunOnceAsync()
    {
        var now = _time.GetUtcNow();
        var job = await _runtime.Store.ClaimJobAsync(_runtime.Instance, now, now + _runtime.Options.RenderLease, CancellationToken.None).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        if (job.Attempts > MaxClaims)
        {
            await _runtime.Store.FailRenderAsync(job, _runtime.Instance, string.Create(CultureInfo.InvariantCulture, $"given up after {MaxClaims} claims that did not finish (the render stops its worker)"), _time.GetUtcNow()).ConfigureAwait(false);
            return true;
        }

        RenderCommit? commit;
        string? refusal;
        IReadOnlyList<ValidationError> errors;
        try
        {
            (commit, refusal, errors) = await RenderAsync(job).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // an unexpected render failure must not stop the worker; the job is retried after its lease
        catch (Exception ex) when (ex is not DbException)
#pragma warning restore CA1031
        {
            ServerLog.RenderCrashed(_logger, job.Id, job.ReportId, ex.GetType().Name);
            return true;
        }

        if (commit is null)
        {
            // The log names codes and paths only: the messages (kept in the store for the API) may quote the report.
            var first = errors.Count > 0 ? errors[0] : null;
            ServerLog.RenderFailed(_logger, job.ReportId, job.Revision, errors.Count, first?.Code ?? "-", first?.Path ?? "-");
            await _runtime.Store.FailRenderAsync(job, _runtime.Instance, refusal!, _time.GetUtcNow()).ConfigureAwait(false);
            return true;
        }

        if (await _runtime.Store.CommitRenderAsync(commit, _runtime.Instance, _time.GetUtcNow()).ConfigureAwait(false))
        {
            _runtime.DeliveryWork.Notify(commit.Messages.Count);
        }

        _runtime.RenderWork.Notify();
        return true;
    }

    private async Task<(RenderCommit? Commit, string? Refusal, IReadOnlyList<ValidationError> Errors)> RenderAsync(RenderJob job)
    {
        var format = job.Format == "fhir" ? InputFormat.Fhir : InputFormat.Json;
        var read = _runtime.Engine.Read(job.Body.Span, format);
        if (!read.IsValid)
        {
            // Intake validated these bytes with the same engine: only a changed configuration gets here.
            return (null, "no longer valid with this configuration: " + string.Join("; ", read.Errors.Select(e => $"{e.Path} [{e.Code}]")), read.Errors);
        }

        var report = read.Report!;
        if (_runtime.Mailboxes is { } directory)
        {
            // Missing MSSanté addresses from the Annuaire Santé; a directory failure leaves the recipient without a mailbox.
            (report, var notes) = await MailboxEnrichment.FillAsync(report, directory).ConfigureAwait(false);
            foreach (var note in notes)
            {
                ServerLog.MailboxLookup(_logger, job.ReportId, note.Role, note.Lookup.Outcome);
            }
        }

        var previous = await _runtime.Store.LastIssuedAsync(job.ReportId).ConfigureAwait(false);
        var request = new RenderRequest(report)
        {
            Previous = previous,
            Action = job.Action == RenderJobAction.Withdraw ? RenderAction.Withdraw : RenderAction.Publish,
        };
        RenderPackage package;
        try
        {
            package = _runtime.Engine.Render(request);
        }
        catch (RenderException ex)
        {
            return (null, string.Join("; ", ex.Errors.Select(e => $"{e.Path}: {e.Message} [{e.Code}]")), ex.Errors);
        }

        return (Commit(job, package), null, []);
    }

    /// <summary>The rows one package becomes: its files, one outbox row per message (pointing at its file), the issued identities.</summary>
    internal static RenderCommit Commit(RenderJob job, RenderPackage package)
    {
        var artifacts = package.Artifacts.Select(a => new StoredArtifact(a.Kind, a.AudienceName, a.Channel, a.Document?.Id, a.Document?.SetId, a.Document?.Version,
            a.MediaType, a.FileName, a.Content)).ToList();
        var messages = new List<OutboxMessage>(package.Messages.Count);
        var index = package.Documents.All.Count;
        foreach (var m in package.Messages)
        {
            index += m.Attachments.Count;
            messages.Add(new OutboxMessage(m.Channel, m.Kind, m.Destination, m.IdempotencyKey, m.ChainKey, m.Sequence, m.Document.Id, m.Document.Version,
                m.CorrelationId, index));
            index++;
        }

        var planned = string.Join(", ", package.Channels.Select(c => c.Planned ? c.Channel : $"{c.Channel} not planned ({c.Reason})"));
        var summary = string.Create(CultureInfo.InvariantCulture, $"{package.Action}: {package.Documents.All.Count} document(s), {package.Messages.Count} message(s); {planned}");
        return new RenderCommit(job, artifacts, messages, package.Issued, summary);
    }
}
