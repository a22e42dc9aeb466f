using SglReference.Domain;
using System.Text.Json;

namespace SglReference.Input;

/// <summary>Tells the input forms apart without parsing the whole input.</summary>
public static class InputDetection
{
    /// <summary>The form of <paramref name="bytes"/>: FHIR when the top-level object has "resourceType": "Bundle", else JSON.</summary>
    public static InputFormat Detect(ReadOnlySpan<byte> bytes) => LooksLikeFhirBundle(bytes) ? InputFormat.Fhir : InputFormat.Json;

    /// <summary>True when the top-level object has "resourceType": "Bundle".</summary>
    public static bool LooksLikeFhirBundle(ReadOnlySpan<byte> bytes)
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
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a "resourceType" whose escapes leave a lone surrogate: not a FHIR Bundle; the JSON reader
            // reports what is wrong with it.
            return false;
        }

        return false;
    }
}
