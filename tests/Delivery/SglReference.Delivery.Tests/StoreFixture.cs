using System.Text;
using SglReference.Delivery.Sqlite;
using SglReference.Domain.Documents;
using SglReference.Testing;

namespace SglReference.Delivery.Tests;

/// <summary>A real SQLite store in a temporary directory, and a way to put rendered messages in it.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public StoreFixture()
    {
        Store = new SqliteDeliveryStore(_temp.Path);
        Store.InitializeAsync().GetAwaiter().GetResult();
    }

    public SqliteDeliveryStore Store { get; }

    public string Directory => _temp.Path;

    public static DateTimeOffset T0 { get; } = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Accepts revision <paramref name="revision"/> of a report and commits a render with one message per (channel, destination) of version = revision.</summary>
    public async Task<IReadOnlyList<IssuedDocument>> RenderAsync(string reportId, int revision, params (string Channel, string Destination)[] messages)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"reportId\":\"{reportId}\",\"revision\":{revision}}}");
        var outcome = await Store.AcceptAsync(new ReportSubmission(reportId, revision, "920001234", "json", body, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), "test"), T0);
        Assert.NotEqual(AcceptKind.Conflict, outcome.Kind);
        var job = await Store.ClaimJobAsync("worker", T0, T0.AddMinutes(1));
        Assert.NotNull(job);
        var setId = $"1.2.3.2.{reportId}";
        var identity = new DocumentIdentity($"1.2.3.1.{reportId}.{revision}", setId, revision, revision > 1 ? new DocumentIdentity($"1.2.3.1.{reportId}.{revision - 1}", setId, revision - 1) : null);
        var artifacts = new List<StoredArtifact> { new("cda-n3", "professional", null, identity.Id, setId, revision, "text/xml", "n3.xml", "<ClinicalDocument/>"u8.ToArray()) };
        var outbox = new List<OutboxMessage>();
        foreach (var (channel, destination) in messages)
        {
            artifacts.Add(new StoredArtifact("message", "professional", channel, identity.Id, setId, revision, "application/octet-stream", "m", Encoding.UTF8.GetBytes($"{channel}|{destination}|{revision}")));
            outbox.Add(new OutboxMessage(channel, "message", destination, $"{channel}|{destination}|{identity.Id}", setId, revision * 2, identity.Id, revision, $"{reportId}-{channel}-{destination}-{revision}", artifacts.Count - 1));
        }

        var issued = new List<IssuedDocument> { new(DocumentFormat.N3, Audience.Professional, identity, revision) };
        Assert.True(await Store.CommitRenderAsync(new RenderCommit(job!, artifacts, outbox, issued, "test render"), "worker", T0));
        return issued;
    }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}

/// <summary>A transport that answers from a script (the policy is what these tests check; real peers are in the server tests).</summary>
internal sealed class ScriptedTransport : SglReference.Channels.IMessageTransport
{
    private readonly Queue<SglReference.Channels.DeliveryOutcome> _script;

    public ScriptedTransport(string channel, params SglReference.Channels.DeliveryOutcome[] script)
    {
        Channel = channel;
        _script = new Queue<SglReference.Channels.DeliveryOutcome>(script);
    }

    public string Channel { get; }

    public List<string> Sent { get; } = [];

    public Task<SglReference.Channels.DeliveryOutcome> SendAsync(SglReference.Channels.OutboundMessage message, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(Encoding.UTF8.GetString(message.Content.Span));
            return Task.FromResult(_script.Count > 1 ? _script.Dequeue() : _script.Peek());
        }
    }
}
