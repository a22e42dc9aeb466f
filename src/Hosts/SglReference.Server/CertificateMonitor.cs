using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SglReference.Server;

/// <summary>
/// Checks the configured certificates at start and then daily: one expiring within the warning window (60 days by
/// default) or expired shows on the page, in /health/ready, in a warning log line and in the
/// <c>sgl.certificate.days_remaining</c> gauge.
/// </summary>
internal sealed class CertificateMonitor : BackgroundService
{
    private readonly ServerRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile IReadOnlyList<CertificateStatus> _current = [];

    public CertificateMonitor(ServerRuntime runtime, TimeProvider time, ILogger<CertificateMonitor> logger, IMeterFactory meters)
    {
        _runtime = runtime;
        _time = time;
        _logger = logger;
        var meter = meters.Create("SglReference");
        meter.CreateObservableGauge("sgl.certificate.days_remaining",
            () => Current.Select(c => new Measurement<int>(c.DaysLeft, new KeyValuePair<string, object?>("purpose", c.Purpose), new KeyValuePair<string, object?>("state", c.State))),
            "d", "Days until each configured certificate expires.");
        Check();
    }

    /// <summary>The statuses of the last check.</summary>
    public IReadOnlyList<CertificateStatus> Current => _current;

    /// <summary>Certificates expiring within the window or expired.</summary>
    public IReadOnlyList<CertificateStatus> Warnings => _current.Where(c => c.State != "ok").ToList();

    public void Check()
    {
        var now = _time.GetUtcNow();
        var statuses = _runtime.Certificates.Select(c => CertificateStatus.Of(c.Purpose, c.Certificate, c.Use, now, _runtime.Options.CertificateWarningDays)).ToList();
        _current = statuses;
        foreach (var status in statuses.Where(s => s.State != "ok"))
        {
            ServerLog.CertificateExpiring(_logger, status.Purpose, status.Subject, status.NotAfter, status.DaysLeft, status.State);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
