using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SglReference.Testing;

/// <summary>
/// The strict DMP double (tests/Peers/SglReference.DmpDouble) as a real process: HTTPS with client certificates on
/// one port, its admin API (log, entries, faults, patients) in plain HTTP on another loopback port. Killed on dispose.
/// </summary>
public sealed class DmpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly HttpClient _admin;

    private DmpPeer(BackgroundProcess process, int port, int adminPort, string? directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
        _admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/_admin/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The HTTPS port.</summary>
    public int Port { get; }

    /// <summary>Where the double writes each request it receives (NNNN.http, artifact form); null: nowhere.</summary>
    public string? Directory { get; }

    /// <summary>The DMP services base.</summary>
    public Uri Endpoint => new($"https://localhost:{Port}");

    /// <summary>The structures the double knows (the fixtures' lab sites).</summary>
    public static IReadOnlyList<string> Structures { get; } = ["1920001237", "1920004561"];

    /// <summary>The built double.</summary>
    public static string Assembly
    {
        get
        {
            var configuration = typeof(DmpPeer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var path = Path.Combine(Repo.Root, "tests", "Peers", "SglReference.DmpDouble", "bin", configuration, "net10.0", "SglReference.DmpDouble.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException("the DMP double is not built: " + path);
        }
    }

    /// <summary>Starts the double; it writes each request it receives into <paramref name="directory"/>, or nowhere when null (long runs).</summary>
    public static DmpPeer Start(TestCertificates certificates, string? directory, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var arguments = new List<string>
        {
            Assembly, "--port", "0", "--cert", certificates.ServerCertificatePem, "--key", certificates.ServerKeyPem, "--ca", certificates.AuthorityPem,
            "--value-set", Path.Combine(Repo.Shared, "ans-cda-kit", "jeuxDeValeurs", "JDV_J01_XdsAuthorSpecialty_CISIS.xml"),
            "--value-set", Path.Combine(Repo.Shared, "xdm-examples", "JDV_J04_XdsPracticeSettingCode_CISIS.xml"),
            "--value-set", Path.Combine(Repo.Shared, "xdm-examples", "JDV_J08_XdsConfidentialityCode_CISIS.xml"),
        };
        if (directory is not null)
        {
            System.IO.Directory.CreateDirectory(directory);
            arguments.AddRange(["--out", directory]);
        }

        foreach (var structure in Structures)
        {
            arguments.AddRange(["--structure", structure]);
        }

        arguments.AddRange(extra);
        var process = new BackgroundProcess("dotnet", arguments);
        try
        {
            var listening = process.NextJson(TimeSpan.FromSeconds(60));
            return new DmpPeer(process, listening.GetProperty("port").GetInt32(), listening.GetProperty("adminPort").GetInt32(), directory);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Every request the double received, with its checks and answer.</summary>
    public JsonArray Log() => JsonNode.Parse(_admin.GetStringAsync(new Uri("log", UriKind.Relative)).GetAwaiter().GetResult())!.AsArray();

    /// <summary>The registry entries.</summary>
    public JsonArray Entries() => JsonNode.Parse(_admin.GetStringAsync(new Uri("entries", UriKind.Relative)).GetAwaiter().GetResult())!.AsArray();

    /// <summary>Queues faults: kind http503, reset, slow (delayMs), busy, lose, receiver; path /repository, /registry, /patients or *.</summary>
    public void Faults(params (string Kind, string Path, int DelayMilliseconds)[] faults) =>
        Post("faults", new JsonArray([.. faults.Select(f => (JsonNode)new JsonObject { ["kind"] = f.Kind, ["path"] = f.Path, ["delayMs"] = f.DelayMilliseconds })]));

    /// <summary>Sets a patient's DMP: open, closed or absent.</summary>
    public void Patient(string ins, string state) => Post("patients", new JsonObject { ["ins"] = ins, ["state"] = state });

    /// <summary>Forgets everything.</summary>
    public void Reset() => Post("reset", new JsonObject());

    /// <summary>Requests logged since <paramref name="count"/> requests.</summary>
    public List<JsonNode> LogSince(int count) => Log().Skip(count).Select(n => n!).ToList();

    public void Dispose()
    {
        _admin.Dispose();
        _process.Dispose();
    }

    private void Post(string path, JsonNode body)
    {
        using var response = _admin.PostAsJsonAsync(new Uri(path, UriKind.Relative), body).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The reply summary of a log line: status, error codes, fault values.</summary>
    public static string Codes(JsonNode line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var reply = line["reply"];
        if (reply is null)
        {
            return line["fault"]?.GetValue<string>() ?? "none";
        }

        var errors = reply["errors"]!.AsArray().Select(e => e!.GetValue<string>());
        var fault = reply["fault"]!.AsArray().Select(e => e!.GetValue<string>());
        return string.Join(",", errors.Concat(fault).DefaultIfEmpty(reply["status"]?.GetValue<string>() ?? string.Empty)).ToString(CultureInfo.InvariantCulture);
    }
}
