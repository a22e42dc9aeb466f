using System.Text.Json;
using SglReference.Domain.Json;
using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>Reads an input file in either form into a validated report.</summary>
internal static class InputLoader
{
    public static ReportReadResult Load(string path, InputFormat format)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UserException($"input file not found: {path}");
            }

            if (info.Length > InputLimits.Default.MaxBytes)
            {
                return ReportReadResult.Failed([new ValidationError("$", $"input has {info.Length} bytes, more than the limit of {InputLimits.Default.MaxBytes}", ErrorCodes.InputSize)]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserException($"cannot read {path}: {ex.Message}", ex);
        }

        if (format == InputFormat.Auto)
        {
            format = LooksLikeFhirBundle(bytes) ? InputFormat.Fhir : InputFormat.Json;
        }

        return format == InputFormat.Fhir ? FhirInput.Read(bytes) : JsonReportReader.Read(bytes);
    }

    /// <summary>True when the top-level object has "resourceType": "Bundle".</summary>
    internal static bool LooksLikeFhirBundle(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var isResourceType = reader.ValueTextEquals("resourceType"u8);
                    reader.Read();
                    if (isResourceType)
                    {
                        return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Bundle"u8);
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
