using System.Text.Json;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using SglReference.Input;
using SglReference.Input.Json;
using SglReference.Domain.Validation;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>
/// Reads a CR-Bio from a FHIR R4 Bundle with the Firely SDK (strict FHIR JSON), then maps it to the model
/// (README, "FHIR input"). Every error is collected, with the FHIR location of the problem.
/// </summary>
public static partial class FhirBundleReader
{
    private static readonly FhirJsonDeserializer s_deserializer = new(new DeserializerSettings());

    /// <summary>Reads UTF-8 FHIR JSON bytes holding a Bundle.</summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> utf8Json, InputLimits? limits = null) =>
        Read(utf8Json, limits is null ? ReportReadOptions.Default : ReportReadOptions.Default with { Limits = limits });

    /// <summary>Reads UTF-8 FHIR JSON bytes holding a Bundle, with the configured lab profiles.</summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> utf8Json, ReportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Limits;
        if (Utf8Input.Check(utf8Json, limits, out var payload) is { } inputError)
        {
            return ReportReadResult.Failed([inputError]);
        }

        if (FhirJsonPrecheck.Check(payload, limits.MaxDepth) is { Count: > 0 } textErrors)
        {
            return ReportReadResult.Failed(textErrors);
        }

        F.Resource? resource;
        IEnumerable<CodedException> issues;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
            s_deserializer.TryDeserializeResource(ref reader, out resource, out issues);
        }
        catch (JsonException ex)
        {
            return ReportReadResult.Failed([new ValidationError("$", $"malformed JSON: {ex.Message}", ErrorCodes.JsonSyntax)]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IndexOutOfRangeException or ArgumentException or FormatException or OverflowException)
        {
            // The Firely parser throws on some shapes it does not expect (e.g. "link": [...] then "link": "x");
            // FhirJsonPrecheck catches the known ones first, this keeps any other one an input error.
            return ReportReadResult.Failed([new ValidationError("Bundle", $"the FHIR parser refused the input: {SettingRules.Printable(FirstLine(ex.Message))}", ErrorCodes.FhirParse)]);
        }

        var entries = (resource as F.Bundle)?.Entry;
        var parseErrors = issues.Select(issue => ToError(issue, entries)).ToList();
        if (parseErrors.Count > 0)
        {
            return ReportReadResult.Failed(parseErrors);
        }

        if (resource is not F.Bundle bundle)
        {
            return ReportReadResult.Failed([new ValidationError("$", $"expected a FHIR Bundle, found {resource?.TypeName ?? "nothing"}", ErrorCodes.FhirMissing)]);
        }

        var sink = new ErrorSink();
        var index = new BundleIndex(bundle, sink);
        var mapper = new FhirReportMapper(bundle, index, sink, options.Laboratories);
        var report = mapper.Map();
        if (report is null)
        {
            return ReportReadResult.Failed(sink.Errors);
        }

        var semantic = ReportValidator.Validate(report)
            .Where(e => !mapper.Sources.IsReported(e.Path))
            .Select(e => e with { Path = mapper.Sources.Translate(e.Path) })
            .ToList();
        var errors = sink.MergeWith(semantic);
        return errors.Count == 0 ? new ReportReadResult(report, []) : ReportReadResult.Failed(errors);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>A Firely parser issue, located at the resource it concerns (<c>Observation/o1.status</c>) when the entry has one.</summary>
    private static ValidationError ToError(CodedException issue, List<F.Bundle.EntryComponent>? entries)
    {
        var path = (issue as ExtendedCodedException)?.InstancePath ?? "Bundle";
        var message = (issue as ExtendedCodedException)?.BaseErrorMessage ?? issue.Message;
        var match = EntryPath().Match(path);
        if (match.Success && entries is not null && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) &&
            index < entries.Count && entries[index].Resource is { Id: { } id } resource)
        {
            path = $"{resource.TypeName}/{id}{match.Groups[2].Value}";
        }

        return new ValidationError(path, message, ErrorCodes.FhirParse);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Bundle\.entry\[(\d+)\]\.resource(.*)$")]
    private static partial System.Text.RegularExpressions.Regex EntryPath();
}
