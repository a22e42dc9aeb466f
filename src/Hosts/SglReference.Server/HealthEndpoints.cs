using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SglReference.Server;

/// <summary>/health/live (the process answers) and /health/ready (database, backlog, outbox, certificates).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Text("live")).WithTags("health").WithSummary("The process answers");
        app.MapGet("/health/ready", ReadyAsync).WithTags("health").WithSummary("Ready to accept reports: database, backlog, outbox, certificates")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(ServerRuntime runtime, CertificateMonitor certificates, CancellationToken cancellationToken)
    {
        var database = await runtime.Store.PingAsync(cancellationToken).ConfigureAwait(false);
        var backlog = database ? await runtime.Store.BacklogAsync(cancellationToken).ConfigureAwait(false) : 0;
        var tally = database ? await runtime.Store.TallyAsync(cancellationToken).ConfigureAwait(false) : [];
        var status = !database || !runtime.AcceptingReports ? "unavailable" : certificates.Warnings.Count > 0 ? "degraded" : "ready";
        var response = new HealthResponse(status, runtime.Instance, runtime.Store.Dialect.Name, database, backlog, tally, certificates.Current);
        return Results.Json(response, statusCode: status == "unavailable" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
