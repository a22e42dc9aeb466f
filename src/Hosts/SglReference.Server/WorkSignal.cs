namespace SglReference.Server;

/// <summary>Wakes idle workers when new work was committed in this process (other instances find it by polling).</summary>
internal sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    /// <summary>Wakes up to <paramref name="count"/> waiting workers.</summary>
    public void Notify(int count = 1)
    {
        if (_semaphore.CurrentCount < 64)
        {
            _semaphore.Release(count);
        }
    }

    /// <summary>Waits for a signal or until <paramref name="token"/> is cancelled (the poll interval).</summary>
    public async Task WaitAsync(CancellationToken token)
    {
        try
        {
            await _semaphore.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
