using System.Collections.ObjectModel;
using System.Diagnostics.Tracing;

namespace SglReference.Benchmarks;

/// <summary>
/// Listens, in process, to the runtime's own event source (Microsoft-Windows-DotNETRuntime) for the keywords a
/// subclass names, and passes on only what is written between <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal abstract class RuntimeEventListener : EventListener
{
    private volatile bool _recording;

    /// <summary>The runtime keywords to enable (a constant: the base constructor reads it before the subclass's runs).</summary>
    protected abstract EventKeywords Keywords { get; }

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected sealed override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Keywords);
        }
    }

    protected sealed override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_recording && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
        {
            OnRecorded(new RuntimeEvent(eventData.EventId, payload, names));
        }
    }

    /// <summary>An event written while recording.</summary>
    protected abstract void OnRecorded(RuntimeEvent e);

    /// <summary>A runtime event's id and payload.</summary>
    protected readonly record struct RuntimeEvent(int Id, ReadOnlyCollection<object?> Payload, ReadOnlyCollection<string> Names)
    {
        /// <summary>The payload field of that name, or null when the event has none.</summary>
        public object? Value(string name) => Names.IndexOf(name) is var i and >= 0 ? Payload[i] : null;
    }
}
