using Microsoft.AspNetCore.Http;
using SglReference.Domain.Validation;

namespace SglReference.Server;

/// <summary>The service's problem answers (application/problem+json, RFC 9457): never a stack trace.</summary>
internal static class Problems
{
    public const string MediaType = "application/problem+json";

    public static IResult Invalid(IEnumerable<ValidationError> errors) =>
        Of(StatusCodes.Status400BadRequest, "invalid-report", "The report is invalid", "every error is listed with its path, rule and code; nothing was accepted",
            errors.Select(e => new ProblemError(e.Path, e.Message, e.Code)).ToList());

    public static IResult Unauthorized() =>
        Of(StatusCodes.Status401Unauthorized, "unauthorized", "An API key is required", $"send a configured key in the {Callers.Header} header");

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "forbidden", "This key may not do that", detail);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    public static IResult Conflict(string detail) => Of(StatusCodes.Status409Conflict, "conflict", "The report conflicts with what was accepted", detail);

    public static IResult UnsupportedMediaType(string? given) =>
        Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported Content-Type",
            $"send application/json (the SglReference contract) or application/fhir+json (a FHIR R4 Bundle), not \"{SettingRules.Printable(given ?? "none")}\"",
            [new ProblemError("Content-Type", "must be application/json or application/fhir+json", "SGL-MEDIA-TYPE")]);

    public static IResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large", $"the limit is {limit} bytes",
            [new ProblemError("$", $"the body is larger than {limit} bytes", ErrorCodes.InputSize)]);

    public static IResult Stopping() => Of(StatusCodes.Status503ServiceUnavailable, "stopping", "The service is stopping", "send the report again to another instance or in a moment");

    public static Problem Internal() => new("https://sglreference.org/problems/internal", "Internal error", 500, "the failure is logged without patient data; nothing was half-accepted", []);

    public static IResult Of(int status, string type, string title, string? detail, IReadOnlyList<ProblemError>? errors = null) =>
        Results.Json(new Problem("https://sglreference.org/problems/" + type, title, status, detail, errors ?? []), statusCode: status, contentType: MediaType);
}
