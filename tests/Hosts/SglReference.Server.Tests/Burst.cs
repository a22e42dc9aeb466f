using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using SglReference.Testing;
using Xunit.Abstractions;

namespace SglReference.Server.Tests;

/// <summary>
/// The burst workload: reports posted by concurrent clients (every 10th followed by its revision 2, every 30th then
/// withdrawn), retried until answered 202 while instances are killed and restarted; then the truth is read from the
/// peers' arrival logs and compared with what the service says it accepted and delivered.
/// </summary>
internal sealed class Burst
{
    private static readonly string[] Fixtures = ["thyroid", "minor", "coagulation", "serology", "hospital-stay", "special-characters", "biochemistry", "unqualified-ins"];
    private readonly IReadOnlyList<ServerProcess> _instances;
    private readonly ConcurrentDictionary<string, (int Revision, bool Withdrawn)> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private int _responses5xx;
    private int _connectionFailures;

    public Burst(IReadOnlyList<ServerProcess> instances) => _instances = instances;

    public int Accepted => _accepted.Count;

    public int ServerErrors => _responses5xx;

    /// <summary>Each 5xx answer (instance, status, the problem returned), then what the instances logged as failures.</summary>
    public string ServerErrorReport => string.Join('\n', _serverErrors.Concat(_instances.SelectMany(i =>
        i.Output.Split('\n').Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("crit", StringComparison.OrdinalIgnoreCase) || l.Contains("exception", StringComparison.OrdinalIgnoreCase))
            .Select(l => i.Name + ": " + l))));

    public int ConnectionFailures => _connectionFailures;

    public IReadOnlyDictionary<string, (int Revision, bool Withdrawn)> AcceptedReports => _accepted;

    /// <summary>Posts <paramref name="count"/> reports with <paramref name="clients"/> clients; <paramref name="onAccepted"/> sees the running count of first 202s.</summary>
    public async Task RunAsync(int count, int clients, Action<int> onAccepted, TimeSpan timeout)
    {
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, count));
        var accepted = 0;
        using var stop = new CancellationTokenSource(timeout);
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var clientsByInstance = _instances.Select(i => Api.Client(i)).ToList();
            try
            {
                var preferred = c % _instances.Count;
                while (queue.TryDequeue(out var n))
                {
                    var id = $"BURST-{n:0000}";
                    var fixture = Fixtures[n % Fixtures.Length];
                    await UntilAcceptedAsync(clientsByInstance, preferred, h => Api.PostAsync(h, Api.Report(fixture, id)), stop.Token);
                    _accepted[id] = (1, false);
                    onAccepted(Interlocked.Increment(ref accepted));
                    if (n % 10 == 3)
                    {
                        await UntilAcceptedAsync(clientsByInstance, preferred, h => Api.PostAsync(h, Api.Report(fixture, id, 2)), stop.Token);
                        _accepted[id] = (2, false);
                    }

                    if (n % 30 == 7)
                    {
                        await UntilAcceptedAsync(clientsByInstance, preferred, async h =>
                        {
                            using var response = await h.DeleteAsync(new Uri("api/v1/reports/" + id, UriKind.Relative));
                            return (response.StatusCode, default(JsonElement), response);
                        }, stop.Token);
                        _accepted[id] = (_accepted[id].Revision, true);
                    }
                }
            }
            finally
            {
                clientsByInstance.ForEach(h => h.Dispose());
            }
        })).ToList();
        await Task.WhenAll(workers);
    }

    private async Task UntilAcceptedAsync(List<HttpClient> clients, int preferred, Func<HttpClient, Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)>> send, CancellationToken token)
    {
        var instance = preferred;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            try
            {
                var (status, body, _) = await send(clients[instance]);
                if (status == HttpStatusCode.Accepted)
                {
                    return;
                }

                if ((int)status >= 500)
                {
                    Interlocked.Increment(ref _responses5xx);
                    _serverErrors.Enqueue($"{_instances[instance].Name}: {(int)status} {(body.ValueKind == JsonValueKind.Undefined ? "(no body)" : body.GetRawText())}");
                }
                else
                {
                    throw new InvalidOperationException($"unexpected {(int)status}: {body}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref _connectionFailures);
            }

            instance = (instance + 1) % clients.Count;
            await Task.Delay(150, token);
        }
    }

    /// <summary>
    /// Checks every accepted report against the service and the peers: status, revision, deliveries all sent and each
    /// received at least once, the first arrival of each message after its predecessors' in its chain. Returns the
    /// duplicate arrivals per channel.
    /// </summary>
    public async Task<BurstTally> VerifyAsync(HttpClient client, MllpPeer pfi, SmtpPeer mss, DmpPeer dmp, ITestOutputHelper output)
    {
        var hl7Arrivals = pfi.Received.Select((r, i) => (r.ControlId, i)).GroupBy(x => x.ControlId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (First: g.Min(x => x.i), Count: g.Count()), StringComparer.Ordinal);
        var mssArrivals = mss.Messages.Select((m, i) => (m.MessageId, i)).GroupBy(x => x.MessageId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (First: g.Min(x => x.i), Count: g.Count()), StringComparer.Ordinal);
        // A DMP submission arrives when the registry took it: the double's log line names its submission set and says Success.
        var dmpLog = dmp.Log().Select(l => l!).ToList();
        var dmpArrivals = dmpLog.Where(l => l["submissionSet"]?.GetValue<string>() is not null && l["reply"]?["status"]?.GetValue<string>() == "Success")
            .GroupBy(l => l["submissionSet"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (First: g.Min(l => l["n"]!.GetValue<int>()), Count: g.Count()), StringComparer.Ordinal);
        // An ITI-57 deletion has no id of its own the DMP keeps: it arrived when the registry's entry of the document is deleted.
        var dmpEntries = dmp.Entries().Select(e => e!).GroupBy(e => e["uniqueId"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e["version"]!.GetValue<int>())!["status"]!.GetValue<string>(), StringComparer.Ordinal);
        var dmpResends = dmpLog.Count(l => DmpPeer.Codes(l).Contains("XDSDuplicateUniqueIdInRegistry", StringComparison.Ordinal));
        Assert.True(pfi.Received.All(r => r.Parsed), "the PFI peer's parser read every ORU");
        Assert.All(dmpLog.Where(l => l["path"]?.GetValue<string>() == "/repository"),
            l => Assert.True(l["vihf"]?.GetValue<bool>() == true && l["xades"]?.GetValue<bool>() == true, "the DMP double verified the VIHF and the XAdES signature: " + l.ToJsonString()));
        var messages = 0;
        var hl7Duplicates = 0;
        var mssDuplicates = 0;
        var dmpDuplicates = 0;
        var problems = new List<string>();
        foreach (var (reportId, expected) in _accepted.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var report = await Api.GetReportAsync(client, reportId);
            if (report is not { } r)
            {
                problems.Add($"{reportId}: accepted (202) but unknown");
                continue;
            }

            var status = r.GetProperty("status").GetString();
            var wanted = expected.Withdrawn ? "withdrawn" : "rendered";
            if (status != wanted || r.GetProperty("revision").GetInt32() != expected.Revision)
            {
                problems.Add($"{reportId}: {status} revision {r.GetProperty("revision").GetInt32()}, expected {wanted} revision {expected.Revision}");
            }

            var setIds = r.GetProperty("artifacts").EnumerateArray().Where(a => a.GetProperty("documentId").ValueKind == JsonValueKind.String)
                .GroupBy(a => a.GetProperty("documentId").GetString()!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().GetProperty("setId").GetString()!, StringComparer.Ordinal);
            var deliveries = r.GetProperty("deliveries").EnumerateArray().ToList();
            // "minor" is hidden from legal representatives with connexion secrète: nobody to mail (routing matrix cases 1-3).
            var fixture = Fixtures[int.Parse(reportId[^4..], System.Globalization.CultureInfo.InvariantCulture) % Fixtures.Length];
            foreach (var channel in ExpectedChannels(fixture))
            {
                if (!deliveries.Any(d => d.GetProperty("channel").GetString() == channel))
                {
                    problems.Add($"{reportId}: no {channel} delivery");
                }
            }

            if (expected.Revision == 2 && !deliveries.Any(d => d.GetProperty("version").GetInt32() == 2))
            {
                problems.Add($"{reportId}: revision 2 accepted but no version 2 message");
            }

            if (expected.Withdrawn && !deliveries.Any(d => d.GetProperty("sequence").GetInt32() % 2 == 1))
            {
                problems.Add($"{reportId}: withdrawn but no deletion message");
            }

            var arrivals = new List<(string Stream, int Sequence, int First)>();
            foreach (var d in deliveries)
            {
                messages++;
                var channel = d.GetProperty("channel").GetString()!;
                var id = d.GetProperty("messageId").GetString() ?? string.Empty;
                if (d.GetProperty("status").GetString() != "sent")
                {
                    problems.Add($"{reportId}: delivery {d.GetProperty("id").GetInt64()} is {d.GetProperty("status").GetString()} ({d.GetProperty("lastError")})");
                }

                if (channel == "dmp" && d.GetProperty("messageId").ValueKind == JsonValueKind.Null)
                {
                    var document = d.GetProperty("documentId").GetString()!;
                    if (dmpEntries.GetValueOrDefault(document) != "urn:asip:ci-sis:2010:StatusType:Deleted")
                    {
                        problems.Add($"{reportId}: the DMP deletion of {document} was sent but the registry entry is {dmpEntries.GetValueOrDefault(document, "absent")}");
                    }

                    continue;
                }

                var log = channel switch { "hl7v2" => hl7Arrivals, "mss" => mssArrivals, _ => dmpArrivals };
                if (!log.TryGetValue(id, out var arrival))
                {
                    problems.Add($"{reportId}: {channel} message {id} never reached the peer");
                    continue;
                }

                switch (channel)
                {
                    case "hl7v2": hl7Duplicates += arrival.Count - 1; break;
                    case "mss": mssDuplicates += arrival.Count - 1; break;
                    default: dmpDuplicates += arrival.Count - 1; break;
                }

                var stream = $"{channel}|{d.GetProperty("recipient").GetString()}|{setIds.GetValueOrDefault(d.GetProperty("documentId").GetString()!, "?")}";
                arrivals.Add((stream, d.GetProperty("sequence").GetInt32(), arrival.First));
            }

            foreach (var stream in arrivals.GroupBy(a => a.Stream, StringComparer.Ordinal))
            {
                var ordered = stream.OrderBy(a => a.Sequence).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (ordered[i].First < ordered[i - 1].First)
                    {
                        problems.Add($"{reportId}: {stream.Key} sequence {ordered[i].Sequence} arrived before sequence {ordered[i - 1].Sequence}");
                    }
                }
            }
        }

        output.WriteLine($"accepted {_accepted.Count} reports, {messages} messages; PFI received {pfi.Received.Count} (duplicates {hl7Duplicates}), SMTP received {mss.Messages.Count} (duplicates {mssDuplicates}), DMP registered {dmpArrivals.Count} submissions (duplicates {dmpDuplicates}, resends refused as already registered {dmpResends}, {dmpLog.Count} requests); connection failures while down {_connectionFailures}; 5xx {_responses5xx}");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
        return new BurstTally(hl7Duplicates, mssDuplicates, dmpDuplicates, dmpArrivals.Count, messages);
    }

    /// <summary>
    /// The channels every report of <paramref name="fixture"/> goes to: "minor" is hidden from legal representatives
    /// with connexion secrète (nobody to mail, routing matrix cases 1-3); "unqualified-ins" has no INS qualified by
    /// INSi, so no DMP and no patient's mailbox.
    /// </summary>
    private static string[] ExpectedChannels(string fixture) => fixture switch
    {
        "minor" => ["hl7v2", "dmp"],
        "unqualified-ins" => ["hl7v2", "mss"],
        _ => ["hl7v2", "mss", "dmp"],
    };
}

/// <summary>What a verified burst counted: duplicate arrivals per channel, submissions the DMP registered, messages.</summary>
internal sealed record BurstTally(int Hl7Duplicates, int MssDuplicates, int DmpDuplicates, int DmpSubmissions, int Messages);
