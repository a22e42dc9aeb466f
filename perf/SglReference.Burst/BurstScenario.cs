using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Burst;

/// <summary>
/// One burst: peers and sgl serve instances started, <c>reports</c> reports posted by <c>clients</c> concurrent clients,
/// the health endpoint sampled until everything is sent, then every report checked against the service and the peers.
/// </summary>
internal sealed class BurstScenario(int reports, int clients, bool postgres, string renderer, int? workers)
{
    private const string Key = "burst-key-lab-0123456789";

    /// <summary>The fixtures cycled, with the channels each one's reports must reach (routing matrix, INS qualification).</summary>
    private static readonly (string Fixture, string[] Channels)[] Fixtures =
    [
        ("thyroid", ["hl7v2", "mss", "dmp"]), ("minor", ["hl7v2", "dmp"]), ("coagulation", ["hl7v2", "mss", "dmp"]),
        ("serology", ["hl7v2", "mss", "dmp"]), ("hospital-stay", ["hl7v2", "mss", "dmp"]), ("special-characters", ["hl7v2", "mss", "dmp"]),
        ("biochemistry", ["hl7v2", "mss", "dmp"]), ("unqualified-ins", ["hl7v2", "mss"]),
    ];

    private static readonly string[] ChannelNames = ["hl7v2", "mss", "dmp"];
    private static readonly string[] TwoInstances = ["A", "B"];
    private static readonly string[] OneInstance = ["sqlite"];

    public async Task<BurstResult> RunAsync(TextWriter log)
    {
        var name = (postgres ? "PostgreSQL, 2 instances" : "SQLite (embedded default), 1 instance") + ", PDF " + renderer;
        log.WriteLine($"== {name}: {reports} reports, {clients} clients");
        using var temp = Repo.TempDirectory();
        using var certificates = new TestCertificates();
        using var database = postgres ? PostgresServer.Start() : null;
        using var pfi = new MllpPeer(certificates, temp.File("pfi"));
        using var mss = new SmtpPeer(certificates, temp.File("smtp"));
        using var dmp = DmpPeer.Start(certificates, null);
        var kit = DmpTestKit.Create(certificates, dmp.Endpoint, temp.File("dmp-kit"));
        var config = WriteConfig(temp.File("sgl.json"), certificates, pfi.Port, mss.Port, kit, database?.ConnectionString, renderer, workers);
        var instances = (postgres ? TwoInstances : OneInstance).Select(n =>
        {
            Directory.CreateDirectory(temp.File(n));
            return new ServerProcess(config, temp.File(n), name: n);
        }).ToList();
        try
        {
            foreach (var instance in instances)
            {
                instance.Start();
            }

            return await MeasureAsync(name, instances, pfi, mss, dmp, log);
        }
        finally
        {
            foreach (var instance in instances)
            {
                if (instance.IsRunning)
                {
                    instance.Terminate(TimeSpan.FromSeconds(30));
                }

                instance.Dispose();
            }
        }
    }

    private async Task<BurstResult> MeasureAsync(string name, List<ServerProcess> instances, MllpPeer pfi, SmtpPeer mss, DmpPeer dmp, TextWriter log)
    {
        var templates = Fixtures.Select(f =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture(f.Fixture)))!.AsObject();
            node["reportId"] = "@@ID@@";
            node["revision"] = 1;
            node["status"] = "complete";
            node.Remove("correctionReason");
            return node.ToJsonString();
        }).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-API-Key", Key);
        var latencies = new double[reports];
        var accepted = 0;
        var retries = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var acceptedAt = TimeSpan.Zero;
        var samples = new ConcurrentQueue<(TimeSpan At, int Backlog, Dictionary<string, (int Sent, int Open)> Channels)>();
        long peakRss = 0;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(instances[0].BaseAddress, "health/ready"));
                    var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    var channels = health.GetProperty("deliveries").EnumerateArray()
                        .GroupBy(t => t.GetProperty("channel").GetString()!, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (g.Where(t => t.GetProperty("status").GetString() == "sent").Sum(t => t.GetProperty("count").GetInt32()),
                            g.Where(t => t.GetProperty("status").GetString() is not ("sent" or "dead")).Sum(t => t.GetProperty("count").GetInt32())), StringComparer.Ordinal);
                    samples.Enqueue((clock.Elapsed, health.GetProperty("backlog").GetInt32(), channels));
                }
                catch (HttpRequestException)
                {
                }

                peakRss = Math.Max(peakRss, instances.Max(i => i.PeakResidentBytes() ?? 0));
                await Task.Delay(250);
            }
        });

        var posters = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < reports)
            {
                var body = Encoding.UTF8.GetBytes(templates[n % templates.Length].Replace("@@ID@@", Id(n), StringComparison.Ordinal));
                var target = new Uri(instances[(c + n) % instances.Count].BaseAddress, "api/v1/reports");
                while (true)
                {
                    var started = clock.Elapsed;
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await http.PostAsync(target, content);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        latencies[n] = (clock.Elapsed - started).TotalMilliseconds;
                        break;
                    }

                    Interlocked.Increment(ref retries);
                    await Task.Delay(100);
                }

                if (Interlocked.Increment(ref accepted) % 1000 == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {accepted} accepted at {clock.Elapsed.TotalSeconds:0.0} s"));
                }
            }
        })).ToList();
        await Task.WhenAll(posters);
        acceptedAt = clock.Elapsed;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all {accepted} accepted in {acceptedAt.TotalSeconds:0.0} s"));

        // Settled: no render job left and nothing pending in any channel.
        var deadline = clock.Elapsed + TimeSpan.FromMinutes(30);
        var renderedAt = TimeSpan.Zero;
        while (clock.Elapsed < deadline)
        {
            await Task.Delay(500);
            if (samples.IsEmpty)
            {
                continue;
            }

            var last = samples.Last();
            if (last.At < acceptedAt)
            {
                continue;
            }

            if (last.Backlog == 0 && renderedAt == TimeSpan.Zero)
            {
                renderedAt = samples.First(s => s.At >= acceptedAt && s.Backlog == 0).At;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rendered, persisted and queued at {renderedAt.TotalSeconds:0.0} s"));
            }

            if (last.Backlog == 0 && last.Channels.Count > 0 && last.Channels.Values.All(c => c.Open == 0))
            {
                break;
            }
        }

        await stopSampling.CancelAsync();
        await sampler;
        peakRss = Math.Max(peakRss, instances.Max(i => i.PeakResidentBytes() ?? 0));
        var cpu = instances.Sum(CpuSeconds);
        var final = samples.Last();
        log.WriteLine($"  settled at {final.At.TotalSeconds:0.0} s; verifying");

        var (lost, problems, arrivals) = await VerifyAsync(http, instances[^1], pfi, mss, dmp);
        var channels = ChannelNames.Where(final.Channels.ContainsKey).Select(ch =>
        {
            var sent = final.Channels[ch].Sent;
            var doneAt = samples.First(s => s.Channels.TryGetValue(ch, out var c) && c.Sent == sent).At;
            var (count, duplicates) = arrivals[ch];
            int? connections = ch switch { "hl7v2" => pfi.Connections, "mss" => mss.Sessions, _ => null };
            return new ChannelResult(ch, sent, doneAt.TotalSeconds, count, duplicates, connections);
        }).ToList();
        Array.Sort(latencies);
        return new BurstResult(name, reports, clients, accepted, acceptedAt.TotalSeconds, renderedAt.TotalSeconds, channels,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], peakRss, cpu, lost, retries, problems);
    }

    /// <summary>Every accepted report read back from the service: its planned channels present, each message sent and found at its peer.</summary>
    private async Task<(int Lost, List<string> Problems, Dictionary<string, (int Count, int Duplicates)> Arrivals)> VerifyAsync(
        HttpClient http, ServerProcess instance, MllpPeer pfi, SmtpPeer mss, DmpPeer dmp)
    {
        var hl7 = pfi.Received.Select(r => r.ControlId).ToList();
        var mails = mss.Messages.Select(m => m.MessageId).ToList();
        var submissions = dmp.Log().Select(l => l!)
            .Where(l => l["path"]?.GetValue<string>() == "/repository" && l["reply"]?["status"]?.GetValue<string>() == "Success")
            .Select(l => l["submissionSet"]!.GetValue<string>()).ToList();
        var unverified = dmp.Log().Count(l => l!["path"]?.GetValue<string>() == "/repository" && !(l["vihf"]?.GetValue<bool>() == true && l["xades"]?.GetValue<bool>() == true));
        var atPeers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["hl7v2"] = hl7.ToHashSet(StringComparer.Ordinal), ["mss"] = mails.ToHashSet(StringComparer.Ordinal), ["dmp"] = submissions.ToHashSet(StringComparer.Ordinal),
        };
        var arrivals = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
        {
            ["hl7v2"] = (hl7.Count, hl7.Count - atPeers["hl7v2"].Count), ["mss"] = (mails.Count, mails.Count - atPeers["mss"].Count),
            ["dmp"] = (submissions.Count, submissions.Count - atPeers["dmp"].Count),
        };
        var problems = new ConcurrentBag<string>();
        var lost = 0;
        if (unverified > 0)
        {
            problems.Add($"{unverified} DMP requests whose VIHF or XAdES signature the double did not verify");
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, reports), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, token) =>
        {
            var id = Id(n);
            using var response = await http.GetAsync(new Uri(instance.BaseAddress, "api/v1/reports/" + id), token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref lost);
                problems.Add($"{id}: {(int)response.StatusCode} from the service");
                return;
            }

            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement;
            var deliveries = report.GetProperty("deliveries").EnumerateArray().ToList();
            var missing = false;
            foreach (var channel in Fixtures[n % Fixtures.Length].Channels.Where(c => !deliveries.Any(d => d.GetProperty("channel").GetString() == c)))
            {
                problems.Add($"{id}: nothing planned for {channel}");
                missing = true;
            }

            foreach (var d in deliveries)
            {
                var channel = d.GetProperty("channel").GetString()!;
                var messageId = d.GetProperty("messageId").GetString();
                if (d.GetProperty("status").GetString() != "sent")
                {
                    problems.Add($"{id}: {channel} delivery {d.GetProperty("id").GetInt64()} is {d.GetProperty("status").GetString()}");
                    missing = true;
                }
                else if (messageId is null || !atPeers.TryGetValue(channel, out var seen) || !seen.Contains(messageId))
                {
                    problems.Add($"{id}: {channel} message {messageId} marked sent but not at the peer");
                    missing = true;
                }
            }

            if (missing)
            {
                Interlocked.Increment(ref lost);
            }
        });
        return (lost, problems.Take(20).ToList(), arrivals);
    }

    private static string Id(int n) => string.Create(CultureInfo.InvariantCulture, $"BURST-{n:00000}");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>utime + stime of the process from /proc (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(ServerProcess instance)
    {
        if (instance.ProcessId is not { } pid)
        {
            return 0;
        }

        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The service's configuration: the peers with TLS and client certificates, the DMP kit, an API key, short backoff.</summary>
    private static string WriteConfig(string path, TestCertificates certificates, int mllpPort, int smtpPort, DmpTestKit dmp, string? database, string renderer, int? workers)
    {
        var tls = new JsonObject
        {
            ["certificate"] = certificates.ClientCertificatePem, ["key"] = certificates.ClientKeyPem, ["authorities"] = certificates.AuthorityPem, ["peerName"] = "localhost",
        };
        var hl7 = (JsonObject)tls.DeepClone();
        hl7["host"] = "127.0.0.1";
        hl7["port"] = mllpPort;
        var smtp = (JsonObject)tls.DeepClone();
        smtp["host"] = "127.0.0.1";
        smtp["port"] = smtpPort;
        var root = new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["apiKeys"] = new JsonArray(new JsonObject { ["name"] = "burst", ["key"] = Key, ["laboratory"] = null }),
                ["database"] = database,
                ["delivery"] = new JsonObject { ["initialBackoffSeconds"] = 0.5, ["maxBackoffSeconds"] = 5.0 },
                ["hl7"] = hl7,
                ["mss"] = smtp,
            },
            ["dmp"] = JsonNode.Parse(File.ReadAllBytes(dmp.ConfigurationPath))!["dmp"]!.DeepClone(),
            ["pdf"] = new JsonObject { ["renderer"] = renderer },
        };
        if (workers is { } count)
        {
            root["server"]!["workers"] = count;
        }

        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
