using System.Collections.Concurrent;
using System.Diagnostics;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// The idle connections to one peer, most recently used first: at most <c>capacity</c> kept, each for at most
/// <c>idleLimit</c> (a PFI may close idle connections; a closed one is noticed and dropped before use).
/// </summary>
internal sealed class MllpConnectionPool : IDisposable
{
    private readonly ConcurrentStack<MllpConnection> _idle = new();
    private readonly TimeSpan _idleLimit;
    private readonly int _capacity;
    private bool _disposed;

    public MllpConnectionPool(TimeSpan idleLimit, int capacity)
    {
        _idleLimit = idleLimit;
        _capacity = capacity;
    }

    /// <summary>An idle connection that still looks open, or null.</summary>
    public MllpConnection? Take()
    {
        while (_idle.TryPop(out var connection))
        {
            if (Stopwatch.GetElapsedTime(connection.IdleSince) < _idleLimit && connection.LooksOpen())
            {
                return connection;
            }

            connection.Dispose();
        }

        return null;
    }

    /// <summary>Keeps a connection whose exchange completed for the next message (or closes it when the pool is full).</summary>
    public void Return(MllpConnection connection)
    {
        connection.IdleSince = Stopwatch.GetTimestamp();
        if (_disposed || _idle.Count >= _capacity)
        {
            connection.Dispose();
            return;
        }

        _idle.Push(connection);
        if (_disposed && _idle.TryPop(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }
    }
}
