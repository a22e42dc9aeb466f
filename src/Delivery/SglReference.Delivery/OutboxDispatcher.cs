using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SglReference.Channels;

namespace SglReference.Delivery;

/// <summary>
/// Sends what the outbox holds: claims due messages under a lease (only those whose predecessors in their chain were
/// sent), hands each to the transport registered for its channel, and records the outcome — sent; failed, retried
/// after an exponential backoff with jitter; or dead (refused permanently, or out of attempts). A third channel plugs
/// in by registering its <see cref="IMessageTransport"/>; messages of a channel without a transport wait in the queue.
/// Several dispatchers (threads or instances) may share one store.
/// </summary>
[Experimental(Experimental.Stores)]
public sealed class OutboxDispatcher
{
    private readonly IOutboxStore _store;
    private readonly IReadOnlyDictionary<string, IMessageTransport> _transports;
    private readonly DispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliveryMetrics _metrics;
    private readonly Func<double> _random;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="transports">One transport per channel.</param>
    /// <param name="options">Policy, concurrency, lease.</param>
    /// <param name="owner">This dispatcher's name in leases and the audit trail (instance id).</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Where it logs.</param>
    /// <param name="meterFactory">Where its instruments come from.</param>
    /// <param name="random">Draws the jitter in [0, 1) (tests fix it).</param>
    public OutboxDispatcher(IOutboxStore store, IEnumerable<IMessageTransport> transports, DispatcherOptions options, string owner,
        TimeProvider? time = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(transports);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        options.Validate();
        var byChannel = new Dictionary<string, IMessageTransport>(StringComparer.Ordinal);
        foreach (var transport in transports)
        {
            if (!byChannel.TryAdd(transport.Channel, transport))
            {
                throw new ArgumentException($"two transports are registered for the channel \"{transport.Channel}\"", nameof(transports));
            }
        }

        _store = store;
        _transports = byChannel;
        _options = options;
        Owner = owner;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OutboxDispatcher>();
        _metrics = new DeliveryMetrics(meterFactory?.Create(DeliveryMetrics.MeterName) ?? new Meter(DeliveryMetrics.MeterName));
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The name this dispatcher claims under.</summary>
    public string Owner { get; }

    /// <summary>The channels it has a transport for.</summary>
    public IReadOnlyCollection<string> Channels => _transports.Keys.ToList();

    /// <summary>Claims one batch of due messages and sends them, at most <see cref="DispatcherOptions.Concurrency"/> at once; returns how many were tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var claimed = await _store.ClaimAsync(Owner, _transports.Keys.ToList(), _options.Concurrency, now, now + _options.Lease, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Claimed messages belong to different chains (a chain's next message is not claimable before this one is sent).
        await Task.WhenAll(claimed.Select(m => SendAsync(m, cancellationToken))).ConfigureAwait(false);
        return claimed.Count;
    }

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> is cancelled: messages being sent are finished (their results
    /// recorded), then every lease still held is released. <paramref name="wake"/> (optional) cuts the idle wait short
    /// when new messages were committed.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken, Func<CancellationToken, Task>? wake = null)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int tried;
            try
            {
                tried = await RunOnceAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                DeliveryLog.StoreUnavailable(_logger, ex, 5);
                await Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (tried == 0)
            {
                await IdleAsync(wake, stoppingToken).ConfigureAwait(false);
            }
        }

        var released = await _store.ReleaseAsync(Owner, CancellationToken.None).ConfigureAwait(false);
        DeliveryLog.Released(_logger, Owner, released);
    }

    private async Task IdleAsync(Func<CancellationToken, Task>? wake, CancellationToken stoppingToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        idle.CancelAfter(_options.PollInterval);
        try
        {
            if (wake is null)
            {
                await Task.Delay(Timeout.Infinite, idle.Token).ConfigureAwait(false);
            }
            else
            {
                await wake(idle.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task Delay(TimeSpan wait, CancellationToken token)
    {
        try
        {
            await Task.Delay(wait, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var transport = _transports[message.Channel];
        var outbound = ToOutbound(message);
        var started = Stopwatch.GetTimestamp();
        DeliveryOutcome outcome;
        try
        {
            outcome = await transport.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a transport that throws is a failed attempt, never a crashed dispatcher
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = DeliveryOutcome.Transient($"the {message.Channel} transport failed: {ex.GetType().Name}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var result = Decide(message, outcome, _time.GetUtcNow());
        _metrics.Attempted(message.Channel, result.State, elapsed);
        if (!await _store.RecordAsync(message, Owner, result, CancellationToken.None).ConfigureAwait(false))
        {
            DeliveryLog.LeaseLost(_logger, message.Id);
            return;
        }

        switch (result.State)
        {
            case DeliveryState.Sent:
                DeliveryLog.Sent(_logger, message.Id, message.Channel, message.Destination, message.ReportId, result.Attempts);
                break;
            case DeliveryState.Failed:
                DeliveryLog.Failed(_logger, message.Id, message.Channel, message.Destination, message.ReportId, result.Attempts, result.NextAttemptAt, result.Detail);
                break;
            default:
                DeliveryLog.Dead(_logger, message.Id, message.Channel, message.Destination, message.ReportId, result.Attempts, result.Detail);
                break;
        }
    }

    /// <summary>The next state of <paramref name="message"/> after <paramref name="outcome"/>, by the policy.</summary>
    internal DeliveryResult Decide(ClaimedMessage message, DeliveryOutcome outcome, DateTimeOffset now)
    {
        var attempts = message.Attempts + 1;
        var detail = ErrorText.Safe(outcome.Detail);
        switch (outcome.Status)
        {
            case DeliveryStatus.Delivered:
                return new DeliveryResult(DeliveryState.Sent, attempts, now, outcome.Code, detail, now);
            case DeliveryStatus.Permanent:
                return new DeliveryResult(DeliveryState.Dead, attempts, now, outcome.Code, "refused: " + detail, now);
            default:
                if (attempts >= _options.Policy.MaxAttempts)
                {
                    return new DeliveryResult(DeliveryState.Dead, attempts, now, outcome.Code, $"gave up after {attempts} attempts: {detail}", now);
                }

                return new DeliveryResult(DeliveryState.Failed, attempts, now + _options.Policy.BackoffAfter(attempts, _random()), outcome.Code, detail, now);
        }
    }

    private static OutboundMessage ToOutbound(ClaimedMessage m) => new(
        m.Channel, m.Kind, m.Audience switch { "professional" => SglReference.Domain.Documents.Audience.Professional, "patient" => SglReference.Domain.Documents.Audience.Patient, _ => SglReference.Domain.Documents.Audience.All }, m.Destination, [], m.IdempotencyKey, m.ChainKey, m.Sequence,
        new SglReference.Domain.Documents.DocumentIdentity(m.DocumentId, m.ChainKey, m.Version), m.FileName, m.MediaType, m.Content, []);
}
