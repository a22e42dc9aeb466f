using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MailKit.Net.Smtp;

namespace SglReference.Mss.Sending;

/// <summary>
/// Authenticated TLS sessions to one operator kept between messages, most recently used first: at most
/// <c>capacity</c> idle ones, each for at most <c>idleLimit</c> and <c>messagesPerSession</c> messages (operators cap
/// both); a session the server has visibly closed is dropped before use.
/// </summary>
internal sealed class SmtpSessionPool : IDisposable
{
    private readonly ConcurrentStack<(SmtpClient Client, long IdleSince, int Sent)> _idle = new();
    private readonly ConditionalWeakTable<SmtpClient, StrongBox<int>> _sent = new();
    private readonly TimeSpan _idleLimit;
    private readonly int _capacity;
    private readonly int _messagesPerSession;
    private bool _disposed;

    public SmtpSessionPool(TimeSpan idleLimit, int capacity, int messagesPerSession)
    {
        _idleLimit = idleLimit;
        _capacity = capacity;
        _messagesPerSession = messagesPerSession;
    }

    /// <summary>A kept session that still looks connected, or null.</summary>
    public SmtpClient? Take()
    {
        while (_idle.TryPop(out var session))
        {
            if (Stopwatch.GetElapsedTime(session.IdleSince) < _idleLimit && session.Client.IsConnected)
            {
                _sent.AddOrUpdate(session.Client, new StrongBox<int>(session.Sent));
                return session.Client;
            }

            session.Client.Dispose();
        }

        return null;
    }

    /// <summary>Keeps a session that just had a message accepted (or closes it: pool full, or enough messages sent on it).</summary>
    public void Return(SmtpClient client)
    {
        var sent = (_sent.TryGetValue(client, out var before) ? before.Value : 0) + 1;
        _sent.Remove(client);
        if (_disposed || sent >= _messagesPerSession || _idle.Count >= _capacity || !client.IsConnected)
        {
            Close(client);
            return;
        }

        _idle.Push((client, Stopwatch.GetTimestamp(), sent));
        if (_disposed && _idle.TryPop(out var late))
        {
            late.Client.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var session))
        {
            Close(session.Client);
        }
    }

    /// <summary>QUIT when the server still listens, within a second; then the socket is closed.</summary>
    private static void Close(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                client.Disconnect(quit: true, quit.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException)
        {
            // Closing anyway.
        }
        finally
        {
            client.Dispose();
        }
    }
}
