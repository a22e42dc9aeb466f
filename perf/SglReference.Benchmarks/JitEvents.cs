using System.Diagnostics.Tracing;
using System.Globalization;

namespace SglReference.Benchmarks;

/// <summary>
/// Counts the methods the JIT compiles while the harness measures (MethodLoadVerbose events of the runtime's own event
/// source, in process), by optimisation tier and by method: code that keeps being compiled after the warm-up shows
/// here. <c>throughput --jit</c>.
/// </summary>
internal sealed class JitEvents : RuntimeEventListener
{
    private const int MethodLoadVerboseEventId = 143;
    private readonly Dictionary<string, int> _byTier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byMethod = new(StringComparer.Ordinal);

    protected override EventKeywords Keywords => (EventKeywords)0x10; // JitKeyword

    protected override void OnRecorded(RuntimeEvent e)
    {
        if (e.Id != MethodLoadVerboseEventId)
        {
            return;
        }

        string Text(string name) => e.Value(name) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?" : "?";
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
