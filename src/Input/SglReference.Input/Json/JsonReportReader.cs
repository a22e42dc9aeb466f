using SglReference.Domain;
using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>
/// Reads a report in the JSON contract (<c>schemas/crbio-report.schema.json</c>): UTF-8, strict (unknown
/// properties are errors), every error collected with its path and code, never an exception for bad input.
/// </summary>
public static class JsonReportReader
{
    /// <summary>Reads UTF-8 JSON bytes.</summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> utf8Json, InputLimits? limits = null) =>
        Read(utf8Json, limits is null ? ReportReadOptions.Default : ReportReadOptions.Default with { Limits = limits });

    /// <summary>Reads UTF-8 JSON bytes; a report without a laboratory takes its lab profile from <paramref name="options"/>.</summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> utf8Json, ReportReadOptions options) => Read(utf8Json, options, CancellationToken.None);

    /// <summary>
    /// Reads UTF-8 JSON bytes in time linear in their size: at most <see cref="ContractLimits.ReportedErrors"/> errors
    /// are listed (one last error counts the others); a cancelled read stops with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> utf8Json, ReportReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Limits;
        if (Utf8Input.Check(utf8Json, limits, out var payload) is { } inputError)
        {
            return ReportReadResult.Failed([inputError]);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                return ReportReadResult.Failed([new ValidationError("$", $"unexpected content after the JSON value at byte {reader.TokenStartIndex}", ErrorCodes.JsonSyntax)]);
            }
        }
        catch (JsonException ex)
        {
            return ReportReadResult.Failed([new ValidationError("$", SyntaxMessage(ex), ErrorCodes.JsonSyntax)]);
        }

        using (document)
        {
            var sink = new ErrorSink(cancellationToken);
            var report = JsonReportMapper.Map(document.RootElement, sink, options.Laboratories);
            var errors = sink.Complete(collector => ReportValidator.Validate(report, collector, cancellationToken));
            return errors.Count == 0 ? new ReportReadResult(report, []) : ReportReadResult.Failed(errors);
        }
    }

    /// <summary>Reads a file; I/O failures are exceptions, content problems are errors.</summary>
    public static ReportReadResult ReadFile(string path, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var info = new FileInfo(path);
        if (info.Exists && info.Length > limits.MaxBytes)
        {
            return ReportReadResult.Failed([new ValidationError("$", $"input has {info.Length} bytes, more than the limit of {limits.MaxBytes}", ErrorCodes.InputSize)]);
        }

        return Read(File.ReadAllBytes(path), limits);
    }

    private static string SyntaxMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            message = message[..cut];
        }

        var where = ex.LineNumber is { } line ? $"line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: " : string.Empty;
        return $"malformed JSON at {where}{message.TrimEnd('.')}";
    }
}
