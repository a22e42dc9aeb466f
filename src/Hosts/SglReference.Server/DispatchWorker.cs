using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SglReference.Delivery;

namespace SglReference.Server;

/// <summary>Runs the outbox dispatcher with the configured transports until the host stops (sends in progress are finished, claims released).</summary>
internal sealed class DispatchWorker : BackgroundService
{
    private readonly ServerRuntime _runtime;
    private readonly OutboxDispatcher _dispatcher;

    public DispatchWorker(ServerRuntime runtime, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory meters)
    {
        _runtime = runtime;
        _dispatcher = new OutboxDispatcher(runtime.Store, runtime.Transports, runtime.Options.Dispatcher, runtime.Instance, time, loggerFactory, meters);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => _dispatcher.RunAsync(stoppingToken, _runtime.DeliveryWork.WaitAsync), CancellationToken.None);
}
