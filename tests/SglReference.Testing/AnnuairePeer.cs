using System.Text.Json;

namespace SglReference.Testing;

/// <summary>
/// A local FHIR server process standing in for the Annuaire Santé (tests/tools/annuaire-peer.mjs, node:http), serving
/// searchset Bundles re-typed from the IG's BAL examples (tests/tools/annuaire/). Killed on dispose.
/// </summary>
public sealed class AnnuairePeer : IDisposable
{
    /// <summary>The API key the double expects.</summary>
    public const string ApiKey = "test-esante-api-key";

    /// <summary>Found: one PER mailbox (pascal.charles@medecin.mssante.fr).</summary>
    public const string FoundRpps = "10002422979";

    /// <summary>Not found: an empty searchset.</summary>
    public const string NotFoundRpps = "10003059879";

    /// <summary>Several mailboxes over two pages (liste rouge, ORG, inactive role among them).</summary>
    public const string SeveralRpps = "10012345673";

    /// <summary>HTTP 503 with an OperationOutcome.</summary>
    public const string ErrorRpps = "10023456782";

    /// <summary>A next link to another host.</summary>
    public const string ForeignNextRpps = "10034567890";

    /// <summary>Never answers.</summary>
    public const string SilentRpps = "10045678900";

    private readonly BackgroundProcess _process;
    private readonly List<JsonElement> _requests = [];

    private AnnuairePeer(BackgroundProcess process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}/fhir/v1";
    }

    /// <summary>The FHIR base to configure.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request received so far (path, query, key present, accept).</summary>
    public IReadOnlyList<JsonElement> Requests
    {
        get
        {
            _requests.AddRange(_process.DrainJson());
            return _requests;
        }
    }

    /// <summary>
    /// The requests received, once at least <paramref name="atLeast"/> have been logged (the double's stdout arrives
    /// asynchronously), after a short settle so that an unexpected extra request shows too.
    /// </summary>
    public IReadOnlyList<JsonElement> Received(int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (RequestEvents().Count < atLeast && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Thread.Sleep(150);
        return RequestEvents();
    }

    private List<JsonElement> RequestEvents() => Requests.Where(r => r.GetProperty("event").GetString() == "request").ToList();

    /// <summary>Starts the double on a free port.</summary>
    public static AnnuairePeer Start()
    {
        var process = new BackgroundProcess("node", [Path.Combine(ExternalProcess.ToolsDirectory, "annuaire-peer.mjs"), "--key", ApiKey], ExternalProcess.ToolsDirectory);
        var listening = process.NextJson(TimeSpan.FromSeconds(30));
        return new AnnuairePeer(process, listening.GetProperty("port").GetInt32());
    }

    public void Dispose() => _process.Dispose();
}
