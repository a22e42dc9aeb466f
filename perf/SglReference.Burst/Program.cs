using System.Globalization;
using SglReference.Burst;

// dotnet run -c Release --project perf/SglReference.Burst -- [--reports 10000] [--clients 16] [--store sqlite|postgres|both] [--renderer pdfsharp|pdfpig|builtin] [--workers N] [--out perf/results/burst.md]
var reports = 10_000;
var clients = 16;
var store = "both";
var renderer = "pdfsharp";
string? output = null;
int? workers = null; // server.workers: the service's default (one per core) unless given
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException(args[i] + ": a value is expected");
    switch (args[i])
    {
        case "--reports": reports = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        case "--clients": clients = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        case "--store": store = value; i++; break;
        case "--out": output = value; i++; break;
        case "--renderer": renderer = value; i++; break;
        case "--workers": workers = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        default: throw new ArgumentException(args[i] + ": unknown option");
    }
}

var machineBefore = Machine.Describe();
var results = new List<BurstResult>();
if (store is "sqlite" or "both")
{
    results.Add(await new BurstScenario(reports, clients, postgres: false, renderer, workers).RunAsync(Console.Out));
}

if (store is "postgres" or "both")
{
    results.Add(await new BurstScenario(reports, clients, postgres: true, renderer, workers).RunAsync(Console.Out));
}

var markdown = BurstReport.Markdown(machineBefore, Machine.Describe(), results);
Console.WriteLine(markdown);
if (output is not null)
{
    await File.WriteAllTextAsync(output, markdown);
}

return results.All(r => r.Lost == 0 && r.Problems.Count == 0) ? 0 : 1;
