using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;

namespace SglReference.Hl7v2.Mllp;

/// <summary>One open MLLP connection (TCP, TLS when configured) and when it last finished an exchange.</summary>
internal sealed class MllpConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly SslStream? _ssl;

    public MllpConnection(TcpClient client, SslStream? ssl, bool presentedCertificate)
    {
        _client = client;
        _ssl = ssl;
        PresentedCertificate = presentedCertificate;
    }

    /// <summary>When the connection was set up (its TLS handshake done).</summary>
    public long OpenedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>True when our client certificate was presented in the handshake.</summary>
    public bool PresentedCertificate { get; }

    /// <summary>Messages written on the connection so far.</summary>
    public int Exchanges { get; set; }

    /// <summary>What the messages are written to and the ACKs read from.</summary>
    public Stream Stream => _ssl is null ? _client.GetStream() : _ssl;

    /// <summary>When the connection went idle (its last ACK read).</summary>
    public long IdleSince { get; set; }

    /// <summary>
    /// False when the peer closed or reset the connection, or sent something nobody asked for, while it was idle: a
    /// readable idle socket is one of these, and none can carry the next message.
    /// </summary>
    public bool LooksOpen()
    {
        try
        {
            var socket = _client.Client;
            return socket.Connected && !socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _ssl?.Dispose();
        _client.Dispose();
    }
}
