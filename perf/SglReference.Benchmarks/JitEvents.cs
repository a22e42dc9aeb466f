using System.Diagnostics.Tracing;
using System.Globalization;

namespace SglReference.Benchmarks;

/// <summary>
/// Counts the methods the JIT compiles while the harness measures (MethodLoadVerbose events of the runtime's own event
/// source, in process), by optimisation tier and by method: code that keeps being compiled after the warm-up shows
/// here. <c>throughput --jit</c>.
/// </summary>
internal sealed class JitEvents : EventListener
{
    private const int MethodLoadVerboseEventId = 143;
    private readonly Dictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byMethod = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JitKeyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventId != MethodLoadVerboseEventId || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        string Text(string name) => e.PayloadNames.IndexOf(name) is var i and >= 0 ? Convert.ToString(e.Payload[i], CultureInfo.InvariantCulture) ?? "?" : "?";
        var tier = Text("OptimizationTier");
        var method = Text("MethodNamespace") + "::" + Text("MethodName");
        lock (_byTier)
        {
            _byTier[tier] = _byTier.GetValueOrDefault(tier) + 1;
            _byMethod[method] = _byMethod.GetValueOrDefault(method) + 1;
        }
    }

    public void Print(long reports)
    {
        lock (_byTier)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"methods compiled while measuring ({reports} reports):"));
            foreach (var (tier, count) in _byTier.OrderByDescending(c => c.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7}  {tier}"));
            }

            foreach (var (method, count) in _byMethod.OrderByDescending(c => c.Value).Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7}  {(method.Length > 160 ? method[..160] : method)}"));
            }
        }
    }
}
