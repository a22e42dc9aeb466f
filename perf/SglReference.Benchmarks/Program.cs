using BenchmarkDotNet.Running;
using SglReference.Benchmarks;

// dotnet run -c Release --project perf/SglReference.Benchmarks -- --filter '*'
// dotnet run -c Release --project perf/SglReference.Benchmarks -- throughput [--threads 2] [--seconds 20] [--renderer pdfsharp]
if (args is ["throughput", ..])
{
    return Throughput.Run(args);
}

if (args is ["stages", ..])
{
    return Stages.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
