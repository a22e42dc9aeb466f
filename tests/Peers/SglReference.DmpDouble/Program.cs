using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SglReference.DmpDouble;

var options = DoubleOptions.Parse(args);
var state = new DoubleState();
var registry = new Registry(state, options);
var serverCertificate = X509Certificate2.CreateFromPemFile(options.Certificate!, options.Key);
serverCertificate = X509CertificateLoader.LoadPkcs12(serverCertificate.Export(X509ContentType.Pkcs12), null);
var suites = options.CipherSuites.Count > 0
    ? options.CipherSuites.Select(Enum.Parse<TlsCipherSuite>).ToList()
    : [TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384];

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
    k.Listen(IPAddress.Loopback, options.Port, l => l.UseHttps(new HttpsConnectionAdapterOptions
    {
        ServerCertificate = serverCertificate,
        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
        SslProtocols = SslProtocols.Tls12,
        ClientCertificateValidation = (certificate, _, _) => options.Trusts(certificate),
        OnAuthenticate = (_, ssl) =>
        {
            if (!OperatingSystem.IsWindows())
            {
                ssl.CipherSuitesPolicy = new CipherSuitesPolicy(suites);
            }
        },
    }));
    k.Listen(IPAddress.Loopback, 0);
});
var app = builder.Build();

app.Use(async (context, next) =>
{
    var admin = context.Connection.LocalPort != Port(app, https: true);
    if (admin != context.Request.Path.StartsWithSegments("/_admin"))
    {
        context.Response.StatusCode = 404;
        return;
    }

    await next(context);
});

foreach (var (path, action) in new[] { ("/repository", Actions.ProvideAndRegister), ("/registry", string.Empty), ("/patients", Actions.Patient) })
{
    app.MapPost(path, async context =>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var contentType = context.Request.ContentType ?? string.Empty;
        var tls = context.Features.Get<ITlsHandshakeFeature>();
        var client = context.Connection.ClientCertificate!;
        int n;
        lock (state.Gate)
        {
            n = ++state.Requests;
        }

        var log = new JsonObject
        {
            ["n"] = n, ["path"] = path, ["protocol"] = tls?.Protocol.ToString(), ["cipher"] = tls?.NegotiatedCipherSuite?.ToString(), ["client"] = client.GetNameInfo(X509NameType.SimpleName, false),
        };
        if (options.Out is { } dir)
        {
            var file = Path.Combine(dir, n.ToString("0000", CultureInfo.InvariantCulture) + ".http");
            await File.WriteAllBytesAsync(file, [.. Encoding.ASCII.GetBytes("Content-Type: " + contentType + "\r\n\r\n"), .. body]);
            log["file"] = file;
        }

        var fault = state.TakeFault(path);
        log["fault"] = fault?.Kind;
        if (fault?.Kind == "reset")
        {
            Record(log);
            context.Abort();
            return;
        }

        if (fault?.Kind == "http503")
        {
            Record(log);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("Service Unavailable");
            return;
        }

        string answer;
        var verdicts = new Verdicts();
        try
        {
            var expected = action.Length > 0 ? action : RegistryAction(body);
            var endpoint = new Uri($"https://localhost:{context.Connection.LocalPort}{path}");
            var incoming = Incoming.Read(contentType, body, expected, endpoint, client, options, verdicts);
            // What the sender knows the submission by (its correlation id): lets a test match arrivals to its outbox.
            log["submissionSet"] = (incoming.Envelope.SelectSingleNode(
                "//rim:RegistryPackage/rim:ExternalIdentifier[@identificationScheme='urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8']", incoming.Ns) as System.Xml.XmlElement)?.GetAttribute("value");
            if (fault?.Kind == "busy")
            {
                answer = Soap.RegistryResponse("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse", incoming.MessageId, [new Error(path == "/repository" ? "XDSRepositoryBusy" : "XDSRegistryBusy", "trop d'activité, réessayer plus tard")]);
            }
            else if (fault?.Kind == "receiver")
            {
                answer = Soap.Fault("Receiver", null, "erreur interne du service", incoming.MessageId);
            }
            else
            {
                answer = incoming.Action switch
                {
                    Actions.ProvideAndRegister => registry.ProvideAndRegister(incoming, verdicts),
                    Actions.Query => registry.FindDocuments(incoming),
                    Actions.Update => registry.Update(incoming),
                    _ => registry.Existence(incoming),
                };
            }
        }
        catch (FaultException ex)
        {
            answer = Soap.Fault(ex.Code, ex.Subcode, ex.Message, null);
            context.Response.StatusCode = ex.Code == "Receiver" ? 500 : 400;
        }

        log["vihf"] = verdicts.Vihf;
        log["xades"] = verdicts.Xades;
        log["manifest"] = verdicts.Manifest;
        var reply = JsonNode.Parse(JsonSerializer.Serialize(Summary(answer)))!;
        log["reply"] = reply;
        Record(log);
        if (fault?.Kind == "slow")
        {
            // Processed, then answered too late for the client.
            await Task.Delay(fault.DelayMilliseconds);
        }

        if (fault?.Kind == "lose")
        {
            context.Abort();
            return;
        }

        if (context.Response.StatusCode == 200 && answer.Contains("<soap:Fault>", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 500;
        }

        context.Response.ContentType = "application/soap+xml; charset=UTF-8";
        await context.Response.WriteAsync(answer);
    });
}

app.MapGet("/_admin/log", () => { lock (state.Gate) { return Results.Text(new JsonArray([.. state.Log.Select(l => l.DeepClone())]).ToJsonString(), "application/json"); } });
app.MapGet("/_admin/entries", () =>
{
    lock (state.Gate)
    {
        return Results.Text(new JsonArray([.. state.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id, ["lid"] = e.Lid, ["version"] = e.Version, ["status"] = e.Status, ["uniqueId"] = e.UniqueId, ["hash"] = e.Hash,
            ["confidentiality"] = new JsonArray([.. e.Confidentiality.Select(c => (JsonNode)c)]), ["xml"] = e.Xml,
        })]).ToJsonString(), "application/json");
    }
});
app.MapPost("/_admin/faults", async context =>
{
    var faults = await JsonSerializer.DeserializeAsync<JsonArray>(context.Request.Body) ?? [];
    lock (state.Gate)
    {
        foreach (var f in faults)
        {
            state.Faults.Add(new Fault(f!["kind"]!.GetValue<string>(), f["path"]?.GetValue<string>() ?? "*", f["delayMs"]?.GetValue<int>() ?? 0));
        }
    }
});
app.MapPost("/_admin/patients", async context =>
{
    var p = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
    lock (state.Gate)
    {
        state.Patients[p!["ins"]!.GetValue<string>()] = p["state"]!.GetValue<string>();
    }
});
app.MapPost("/_admin/reset", () =>
{
    lock (state.Gate)
    {
        state.Entries.Clear();
        state.SubmissionSets.Clear();
        state.Faults.Clear();
        state.Log.Clear();
        state.Patients.Clear();
    }
});

await app.StartAsync();
Console.WriteLine(new JsonObject { ["event"] = "listening", ["port"] = Port(app, https: true), ["adminPort"] = Port(app, https: false) }.ToJsonString());
await app.WaitForShutdownAsync();

void Record(JsonObject log)
{
    lock (state.Gate)
    {
        state.Log.Add(log);
    }
}

static int Port(WebApplication app, bool https) =>
    app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal)))
        .First(u => (u.Scheme == "https") == https).Port;

static string RegistryAction(byte[] body)
{
    var text = Encoding.UTF8.GetString(body);
    return text.Contains(Actions.Query, StringComparison.Ordinal) ? Actions.Query : Actions.Update;
}

static Dictionary<string, object?> Summary(string answer)
{
    var doc = new System.Xml.XmlDocument();
    doc.LoadXml(answer);
    var status = doc.GetElementsByTagName("RegistryResponse", Soap.Rs).OfType<System.Xml.XmlElement>().FirstOrDefault()?.GetAttribute("status")
        ?? doc.GetElementsByTagName("AdhocQueryResponse", Soap.Query).OfType<System.Xml.XmlElement>().FirstOrDefault()?.GetAttribute("status");
    var errors = doc.GetElementsByTagName("RegistryError", Soap.Rs).OfType<System.Xml.XmlElement>().Select(e => e.GetAttribute("errorCode")).ToList();
    var contexts = doc.GetElementsByTagName("RegistryError", Soap.Rs).OfType<System.Xml.XmlElement>().Select(e => e.GetAttribute("codeContext")).ToList();
    var fault = doc.GetElementsByTagName("Value", Soap.Env).OfType<System.Xml.XmlElement>().Select(e => e.InnerText).ToList();
    var reason = doc.GetElementsByTagName("Text", Soap.Env).OfType<System.Xml.XmlElement>().FirstOrDefault()?.InnerText;
    return new Dictionary<string, object?> { ["status"] = status?[(status.LastIndexOf(':') + 1)..], ["errors"] = errors, ["contexts"] = contexts, ["fault"] = fault, ["reason"] = reason };
}
