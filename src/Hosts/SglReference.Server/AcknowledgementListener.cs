using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Mllp;

namespace SglReference.Server;

/// <summary>
/// The integrated MLLP listener: the PFI's ZAM^Z01/Z02/Z03 business acknowledgements update the delivery whose ORU
/// they name (OBX-4 = our MSH-10) and enter its report's audit trail; the PFI gets ACK AA once that is committed (AR
/// when the store cannot be reached, so that it sends again). The recipient mailbox a Z02/Z03 names is not kept.
/// </summary>
internal sealed class AcknowledgementListener : IHostedService, IAsyncDisposable
{
    private readonly ServerRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private MllpListener? _listener;

    public AcknowledgementListener(ServerRuntime runtime, TimeProvider time, ILogger<AcknowledgementListener> logger)
    {
        _runtime = runtime;
        _time = time;
        _logger = logger;
    }

    /// <summary>The port listened on, once started.</summary>
    public int? Port => _listener?.Port;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_runtime.Options.Listener is not { } endpoint)
        {
            return Task.CompletedTask;
        }

        var tls = _runtime.ListenerTls;
        var receiver = new BusinessAckReceiver(OnAcknowledgementAsync, _time);
        _listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Parse(endpoint.Bind), endpoint.Port), tls, tls is not null, TimeSpan.FromMinutes(5)), receiver);
        ServerLog.Listening(_logger, endpoint.Bind, _listener.Port);
        return Task.CompletedTask;
    }

    private async ValueTask OnAcknowledgementAsync(BusinessAcknowledgement ack, CancellationToken cancellationToken)
    {
        var kind = ack.Kind switch
        {
            BusinessAckKind.DmpReception => "Z01 DMP reception",
            BusinessAckKind.MssReception => "Z02 MSSanté delivery",
            _ => "Z03 MSSanté read",
        };
        var text = $"{kind}: {(ack.Success ? "success" : "failure")}{(ack.Error is { } error ? " (" + error.ToString() + ")" : string.Empty)}";
        if (!await _runtime.Store.AcknowledgeAsync(ack.CorrelationId, text, "pfi", _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            ServerLog.UnknownAcknowledgement(_logger, ack.CorrelationId);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is { } listener)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            _listener = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
