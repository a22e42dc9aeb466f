using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using SglReference.Delivery;
using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Input;

namespace SglReference.Server;

/// <summary>The reports API: intake, state, files, withdrawal, audit trail, revisions, dead-letter retry.</summary>
internal static class ReportEndpoints
{
    /// <summary>The largest request body read (twice the input limit); Kestrel answers 413 beyond it.</summary>
    public const long MaxRequestBody = 2L * 32 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("reports");
        api.MapPost("/reports", PostAsync)
            .WithSummary("Submit a validated report (application/json: the contract; application/fhir+json: a FHIR R4 Bundle)")
            .Accepts<object>("application/json", "application/fhir+json")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted)
            .Produces<Problem>(StatusCodes.Status400BadRequest, Problems.MediaType)
            .Produces<Problem>(StatusCodes.Status401Unauthorized, Problems.MediaType)
            .Produces<Problem>(StatusCodes.Status409Conflict, Problems.MediaType);
        api.MapGet("/reports/{reportId}", GetAsync).WithSummary("A report with its files and deliveries")
            .Produces<ReportResponse>().Produces<Problem>(StatusCodes.Status404NotFound, Problems.MediaType);
        api.MapGet("/reports/{reportId}/artifacts/{documentId}", ArtifactAsync).WithSummary("The bytes of a file (kind: pdf, cda-n3, cda-n1, hl7v2-oru, mss-message, ihe-xdm)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Produces<Problem>(StatusCodes.Status404NotFound, Problems.MediaType);
        api.MapDelete("/reports/{reportId}", DeleteAsync).WithSummary("Withdraw a report: the deletion messages of the last issued version")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted).Produces<Problem>(StatusCodes.Status404NotFound, Problems.MediaType);
        api.MapGet("/reports/{reportId}/audit", AuditAsync).WithSummary("Every state change of a report").Produces<IReadOnlyList<AuditResponse>>();
        api.MapGet("/reports/{reportId}/revisions", RevisionsAsync).WithSummary("Every revision received (the history of modified and deleted results)")
            .Produces<IReadOnlyList<RevisionResponse>>();
        api.MapGet("/reports/{reportId}/revisions/{revision:int}", RevisionBodyAsync).WithSummary("One revision's bytes as received");
        api.MapPost("/deliveries/{deliveryId:long}/retry", RetryAsync).WithSummary("Put a dead letter back in the queue")
            .Produces(StatusCodes.Status202Accepted).Produces<Problem>(StatusCodes.Status409Conflict, Problems.MediaType);
        api.MapGet("/deliveries/dead", DeadAsync).WithSummary("Dead letters, newest first").Produces<IReadOnlyList<DeliveryResponse>>();
    }

    internal static async Task<IResult> PostAsync(HttpContext http, ServerRuntime runtime, Callers callers, TimeProvider time, ILogger<ServerRuntime> logger)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        if (!runtime.AcceptingReports)
        {
            return Problems.Stopping();
        }

        var format = FormatOf(http.Request.ContentType);
        if (format is null)
        {
            return Problems.UnsupportedMediaType(http.Request.ContentType);
        }

        // The whole body is read (Kestrel caps it at MaxRequestBody): the engine refuses one over the input limit with
        // SGL-INPUT-SIZE like any other invalid input, after the client finished sending it.
        var body = await ReadBodyAsync(http.Request, MaxRequestBody, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge(MaxRequestBody);
        }

        var read = runtime.Engine.Read(body, format.Value);
        if (!read.IsValid)
        {
            var first = read.Errors[0];
            ServerLog.Refused(logger, "(unread)", read.Errors.Count, first.Code, first.Path);
            return Problems.Invalid(read.Errors);
        }

        var report = read.Report!;
        try
        {
            runtime.Engine.Check(report);
        }
        catch (RenderException ex)
        {
            var first = ex.Errors.Count > 0 ? ex.Errors[0] : new ValidationError("$", ex.Message, ErrorCodes.Consistency);
            ServerLog.Refused(logger, report.ReportId, ex.Errors.Count, first.Code, first.Path);
            return Problems.Invalid(ex.Errors);
        }

        var lab = report.Laboratory.FinessGeographique;
        if (caller.Laboratory is { } allowed && !string.Equals(allowed, lab, StringComparison.Ordinal))
        {
            return Problems.Forbidden($"the key \"{caller.Name}\" sends reports of laboratory {allowed}, not {lab}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var submission = new ReportSubmission(report.ReportId, report.Revision, lab, format == InputFormat.Fhir ? "fhir" : "json", body, hash, caller.Name);
        var outcome = await runtime.Store.AcceptAsync(submission, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        if (outcome.Kind == AcceptKind.Conflict)
        {
            return Problems.Conflict(outcome.Reason ?? "conflict");
        }

        var kind = outcome.Kind switch { AcceptKind.New => "new", AcceptKind.Replacement => "replacement", _ => "duplicate" };
        ServerLog.Accepted(logger, report.ReportId, report.Revision, kind, caller.Name);
        if (outcome.Kind != AcceptKind.Duplicate)
        {
            runtime.RenderWork.Notify();
        }

        var location = "/api/v1/reports/" + Uri.EscapeDataString(report.ReportId);
        return Results.Accepted(location, new AcceptedResponse(report.ReportId, outcome.Revision, outcome.Status));
    }

    internal static async Task<IResult> GetAsync(string reportId, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        var view = await runtime.Store.FindAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        return view is null || !Allowed(caller, view.Laboratory) ? Problems.NotFound($"no report {reportId}") : Results.Ok(ToResponse(view));
    }

    internal static async Task<IResult> ArtifactAsync(string reportId, string documentId, string? kind, long? id, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        var view = await runtime.Store.FindAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        if (view is null || !Allowed(caller, view.Laboratory))
        {
            return Problems.NotFound($"no report {reportId}");
        }

        var candidates = view.Artifacts.Where(a => string.Equals(a.DocumentId, documentId, StringComparison.Ordinal) && (id is null || a.Id == id)).ToList();
        var artifact = kind is null
            ? candidates.LastOrDefault(a => a.Kind == ArtifactKinds.CdaN3) ?? candidates.LastOrDefault()
            : candidates.LastOrDefault(a => string.Equals(a.Kind, kind, StringComparison.Ordinal));
        if (artifact is null)
        {
            return Problems.NotFound($"report {reportId} has no {kind ?? "file"} for document {documentId}");
        }

        var stored = await runtime.Store.ArtifactAsync(reportId, artifact.Id, http.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound($"file {artifact.Id} is gone");
        }

        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileName = artifact.FileName }.ToString();
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.Bytes(stored.Value.Content, artifact.MediaType);
    }

    internal static async Task<IResult> DeleteAsync(string reportId, HttpContext http, ServerRuntime runtime, Callers callers, TimeProvider time)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        var view = await runtime.Store.FindAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        if (view is null || !Allowed(caller, view.Laboratory))
        {
            return Problems.NotFound($"no report {reportId}");
        }

        var outcome = await runtime.Store.WithdrawAsync(reportId, caller.Name, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        if (outcome is null)
        {
            return Problems.NotFound($"no report {reportId}");
        }

        runtime.RenderWork.Notify();
        return Results.Accepted("/api/v1/reports/" + Uri.EscapeDataString(reportId), new AcceptedResponse(reportId, outcome.Revision, outcome.Status));
    }

    internal static async Task<IResult> AuditAsync(string reportId, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (await Visible(reportId, http, runtime, callers).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var audit = await runtime.Store.AuditAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        return Results.Ok(audit.Select(a => new AuditResponse(a.At, a.Revision, a.Event, a.Actor, a.Detail)).ToList());
    }

    internal static async Task<IResult> RevisionsAsync(string reportId, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (await Visible(reportId, http, runtime, callers).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var revisions = await runtime.Store.RevisionsAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        return Results.Ok(revisions.Select(r => new RevisionResponse(r.Revision, r.Format, r.ContentHash, r.ReceivedAt, r.ReceivedBy)).ToList());
    }

    internal static async Task<IResult> RevisionBodyAsync(string reportId, int revision, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (await Visible(reportId, http, runtime, callers).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var found = await runtime.Store.RevisionBodyAsync(reportId, revision, http.RequestAborted).ConfigureAwait(false);
        return found is null
            ? Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"report {reportId} has no revision {revision}"))
            : Results.Bytes(found.Value.Body, found.Value.Revision.Format == "fhir" ? "application/fhir+json" : "application/json");
    }

    internal static async Task<IResult> RetryAsync(long deliveryId, HttpContext http, ServerRuntime runtime, Callers callers, TimeProvider time)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        if (!await runtime.Store.RetryAsync(deliveryId, caller.Name, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            return Problems.Conflict(string.Create(CultureInfo.InvariantCulture, $"delivery {deliveryId} is not a dead letter"));
        }

        runtime.DeliveryWork.Notify();
        return Results.Accepted();
    }

    internal static async Task<IResult> DeadAsync(HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (callers.Of(http) is null)
        {
            return Problems.Unauthorized();
        }

        var dead = await runtime.Store.DeadLettersAsync(200, http.RequestAborted).ConfigureAwait(false);
        return Results.Ok(dead.Select(d => ToResponse(d.Delivery)).ToList());
    }

    private static async Task<IResult?> Visible(string reportId, HttpContext http, ServerRuntime runtime, Callers callers)
    {
        if (callers.Of(http) is not { } caller)
        {
            return Problems.Unauthorized();
        }

        var view = await runtime.Store.FindAsync(reportId, http.RequestAborted).ConfigureAwait(false);
        return view is null || !Allowed(caller, view.Laboratory) ? Problems.NotFound($"no report {reportId}") : null;
    }

    private static bool Allowed(ApiKey caller, string laboratory) => caller.Laboratory is null || string.Equals(caller.Laboratory, laboratory, StringComparison.Ordinal);

    internal static InputFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => InputFormat.Json,
            "application/fhir+json" => InputFormat.Fhir,
            _ => null,
        };
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } known ? (int)Math.Min(known, limit) : 16 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    internal static ReportResponse ToResponse(ReportView v) => new(v.ReportId, v.Revision, v.Status, v.Error, v.ReceivedAt, v.UpdatedAt,
        v.Artifacts.Select(a => new ArtifactResponse(a.Id, a.Revision, a.Kind, a.Audience, a.Channel, a.DocumentId, a.SetId, a.Version, a.MediaType, a.Size)).ToList(),
        v.Deliveries.Select(ToResponse).ToList());

    internal static DeliveryResponse ToResponse(DeliveryView d) => new(d.Id, d.Revision, d.Channel, d.Recipient, d.Kind, d.DocumentId, d.Version, d.Sequence, d.MessageId,
        d.Status, d.Attempts, d.LastError, d.SentAt, d.NextAttemptAt, d.Acknowledgement);
}
