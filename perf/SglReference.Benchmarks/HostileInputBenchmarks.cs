using BenchmarkDotNet.Attributes;
using SglReference.Input;
using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// Reading inputs built to exhaust the reader (issue 11): the time must grow with the input, not with its square. The
/// hostile corpus of the tests supplies them: 30,000 bad results (about 90,000 errors, 1,000 listed), a million address
/// lines (one error, the list not read past its limit), and a valid 300-result report for comparison.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class HostileInputBenchmarks
{
    private byte[] _input = [];

    [Params("thirty thousand bad results", "a million address lines", "large-300")]
    public string Input { get; set; } = "large-300";

    [GlobalSetup]
    public void Setup() => _input = Input == "large-300"
        ? File.ReadAllBytes(Repo.Fixture("large-300"))
        : MalformedInputCorpus.All.Single(c => c.Name == Input).Bytes();

    [Benchmark]
    public int Read() => JsonReportReader.Read(_input, ReportReadOptions.Default, CancellationToken.None).Errors.Count;
}
