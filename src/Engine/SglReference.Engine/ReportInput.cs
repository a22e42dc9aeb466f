using SglReference.Domain.Validation;
using SglReference.Fhir;
using SglReference.Input;
using SglReference.Input.Json;

namespace SglReference.Engine;

/// <summary>Reads either input form into a validated report.</summary>
public static class ReportInput
{
    /// <summary>Reads <paramref name="bytes"/> in <paramref name="format"/> (detected when auto).</summary>
    public static ReportReadResult Read(ReadOnlySpan<byte> bytes, InputFormat format, ReportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (format == InputFormat.Auto)
        {
            format = InputDetection.Detect(bytes);
        }

        return format == InputFormat.Fhir ? FhirBundleReader.Read(bytes, options) : JsonReportReader.Read(bytes, options);
    }
}
