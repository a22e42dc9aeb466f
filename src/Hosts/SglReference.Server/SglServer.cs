using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using SglReference.Hosting;
using SglReference.Server.Page;

namespace SglReference.Server;

/// <summary>What <c>sgl serve</c> is started with.</summary>
/// <param name="ConfigurationFile">The configuration file (documents, pdf, hl7, mss, laboratories, server); embedded defaults when null.</param>
/// <param name="DataDirectory">Where the embedded SQLite store lives (./data by default).</param>
/// <param name="Urls">Kestrel's URLs (http://127.0.0.1:8080 by default).</param>
public sealed record ServeSettings(string? ConfigurationFile, string DataDirectory, string Urls);

/// <summary>
/// The hosted service: builds the ASP.NET Core application (intake and reports API, OpenAPI at /openapi/v1.json,
/// health, /metrics, the page at /) with its background workers, and runs it until SIGTERM or SIGINT — then intake is
/// closed, renders and sends in progress finish, and claims are released.
/// </summary>
public static class SglServer
{
    /// <summary>Builds the application; a bad configuration is a <see cref="ConfigurationException"/> naming the setting.</summary>
    public static WebApplication Build(ServeSettings settings, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = settings.ConfigurationFile is null ? SglConfiguration.Default : SglConfiguration.Load(settings.ConfigurationFile);
        var options = ServerOptionsReader.Load(settings.ConfigurationFile);
        var keys = Callers.From(options, Environment.GetEnvironmentVariable("SGL_API_KEY"));
        if (keys.Count == 0)
        {
            throw new ConfigurationException("server.apiKeys: no API key is configured (list them in server.apiKeys, or give one in SGL_API_KEY)");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = ReportEndpoints.MaxRequestBody;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            j.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => ServerRuntime.Create(configuration, options, settings.DataDirectory,
            provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(provider => new Callers(keys, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<CertificateMonitor>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<CertificateMonitor>());
        builder.Services.AddSingleton<AcknowledgementListener>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<AcknowledgementListener>());
        builder.Services.AddHostedService<RenderWorker>();
        builder.Services.AddHostedService<DispatchWorker>();
        builder.Services.AddOpenApi();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("SglReference").AddPrometheusExporter());

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async http =>
        {
            var feature = http.Features.Get<IExceptionHandlerFeature>();
            var logger = http.RequestServices.GetRequiredService<ILogger<ServerRuntime>>();
            var type = feature?.Error.GetType().Name ?? "unknown";
            ServerLog.Unexpected(logger, http.Request.Method, http.Request.Path.Value ?? "/", type);
            var status = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            http.Response.StatusCode = status;
            var problem = status == StatusCodes.Status500InternalServerError
                ? Problems.Internal()
                : new Problem("https://sglreference.org/problems/bad-request", "Bad request", status, "the request could not be read", []);
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, Problems.MediaType).ConfigureAwait(false);
        }));
        app.Use(async (http, next) =>
        {
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(http).ConfigureAwait(false);
        });
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        ReportEndpoints.Map(app);
        HealthEndpoints.Map(app);
        PageEndpoints.Map(app);

        var runtime = app.Services.GetRequiredService<ServerRuntime>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => runtime.AcceptingReports = false);
        return app;
    }

    /// <summary>Builds, initializes the store and runs the service until <paramref name="cancellationToken"/> or a termination signal.</summary>
    public static async Task RunAsync(ServeSettings settings, CancellationToken cancellationToken = default)
    {
        var app = Build(settings);
        await using (app.ConfigureAwait(false))
        {
            var runtime = app.Services.GetRequiredService<ServerRuntime>();
            var logger = app.Services.GetRequiredService<ILogger<ServerRuntime>>();
            await runtime.Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            if (runtime.Store is SglReference.Delivery.Sqlite.SqliteDeliveryStore sqlite)
            {
                // This process owns the data directory: whatever leases it holds were left by a killed predecessor.
                var released = await sqlite.ReleaseAllAsync(cancellationToken).ConfigureAwait(false);
                ServerLog.ReleasedStale(logger, released);
            }

            var channels = runtime.Transports.Select(t => t.Channel).ToHashSet(StringComparer.Ordinal);
            foreach (var channel in runtime.Engine.ChannelNames.Where(c => !channels.Contains(c)))
            {
                ServerLog.NoTransport(logger, channel);
            }

            var transports = string.Join(", ", channels.Order(StringComparer.Ordinal));
            ServerLog.Started(logger, runtime.Instance, runtime.Store.Dialect.Name, runtime.Options.Workers, transports);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            runtime.Dispose();
        }
    }
}
