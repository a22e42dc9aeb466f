using System.Diagnostics.Tracing;
using System.Globalization;

namespace SglReference.Benchmarks;

/// <summary>
/// Counts the runtime's garbage collections by generation, reason and type (GCStart events of the runtime's own
/// event source, in process): why a harness collects gen2 so often. <c>throughput --gc-reasons</c>.
/// </summary>
internal sealed class GcReasons : RuntimeEventListener
{
    private const int GcStartEventId = 1;
    private const int AllocationTickEventId = 10;
    private static readonly string[] s_reasons =
        ["AllocSmall", "Induced", "LowMemory", "Empty", "AllocLarge", "OutOfSpaceSOH", "OutOfSpaceLOH", "InducedNotForced", "Internal", "InducedLowMemory", "InducedCompacting", "LowMemoryHost", "PMFullGC", "LowMemoryHostBlocking"];
    private static readonly string[] s_types = ["NonConcurrent", "Background", "Foreground"];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _largeAllocations = new(StringComparer.Ordinal);

    protected override EventKeywords Keywords => (EventKeywords)0x1; // GCKeyword

    protected override void OnRecorded(RuntimeEvent e)
    {
        if (e.Id == GcStartEventId)
        {
            var depth = Convert.ToInt32(e.Value("Depth"), CultureInfo.InvariantCulture);
            var reason = Convert.ToInt32(e.Value("Reason"), CultureInfo.InvariantCulture);
            var type = Convert.ToInt32(e.Value("Type"), CultureInfo.InvariantCulture);
            var key = $"gen{depth} {Name(s_reasons, reason)} {Name(s_types, type)}";
            lock (_counts)
            {
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }
        }
        else if (e.Id == AllocationTickEventId && Convert.ToInt32(e.Value("AllocationKind"), CultureInfo.InvariantCulture) == 1)
        {
            // One tick per ~100 kB allocated on the large object heap, named by the type that crossed the mark.
            var typeName = e.Value("TypeName") as string ?? "?";
            lock (_largeAllocations)
            {
                _largeAllocations[typeName] = _largeAllocations.GetValueOrDefault(typeName) + 1;
            }
        }
    }

    public void Print(long reports)
    {
        lock (_counts)
        {
            foreach (var (key, count) in _counts.OrderByDescending(c => c.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-40} {count,6}"));
            }
        }

        lock (_largeAllocations)
        {
            foreach (var (type, ticks) in _largeAllocations.OrderByDescending(c => c.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  LOH ~{ticks * 100.0 / reports,7:F0} kB/report  {type}"));
            }
        }
    }

    private static string Name(string[] names, int value) => value >= 0 && value < names.Length ? names[value] : value.ToString(CultureInfo.InvariantCulture);
}
