using BenchmarkDotNet.Running;
using SglReference.Benchmarks;

// dotnet run -c Release --project perf/SglReference.Benchmarks -- --filter '*'
// dotnet run -c Release --project perf/SglReference.Benchmarks -- parts thyroid   (what the irreducible parts write, twice)
// dotnet run -c Release --project perf/SglReference.Benchmarks -- throughput [--threads 2] [--seconds 20] [--renderer pdfsharp]
if (args is ["throughput", ..])
{
    return Throughput.Run(args);
}

if (args is ["parts", var fixture])
{
    return IrreducibleParts.Print(fixture);
}

if (args is ["stages", ..])
{
    return Stages.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
