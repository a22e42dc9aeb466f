using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;

namespace SglReference.Benchmarks;

/// <summary>Medians and allocations; a job short enough to run on a 2-core machine in minutes.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(12).WithInvocationCount(16).WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        AddExporter(MarkdownExporter.GitHub);
        WithOptions(ConfigOptions.JoinSummary);
        // BenchmarkDotNet builds its own host project; on a shared 2-core machine that exceeds its 2-minute default.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
