using BenchmarkDotNet.Running;

// dotnet run -c Release --project perf/SglReference.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
