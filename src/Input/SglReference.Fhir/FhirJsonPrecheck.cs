using System.Text;
using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Fhir;

/// <summary>
/// One pass over the JSON text before the Firely parser sees it, for what that parser does not report but throws on:
/// a property with an empty name, a lone UTF-16 surrogate escaped in a string or a name (<c>"\uD800"</c>), the same
/// property twice in one object. Each problem is named at its FHIR location (<c>Bundle.entry[3].resource.name</c>).
/// </summary>
internal static class FhirJsonPrecheck
{
    private const int MaxErrors = 50;

    /// <summary>The problems found; empty when the Firely parser may run.</summary>
    public static List<ValidationError> Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        var errors = new List<ValidationError>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var frames = new Stack<Frame>();
        string? pendingName = null;
        try
        {
            while (errors.Count < MaxErrors && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = frames.Count == 0 ? "Bundle" : ChildPath(frames.Peek(), pendingName);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        if (frames.Count > 0 && frames.Peek().IsArray)
                        {
                            frames.Peek().Index++;
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = Decode(ref reader);
                        if (name is null)
                        {
                            errors.Add(new ValidationError(frame.Path, "a property name holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape): not Unicode text", ErrorCodes.FhirParse));
                            pendingName = "?";
                        }
                        else if (name.Length == 0)
                        {
                            errors.Add(new ValidationError(frame.Path, "a property has an empty name", ErrorCodes.FhirParse));
                            pendingName = "\"\"";
                        }
                        else
                        {
                            pendingName = Printable(name);
                            if (!frame.Names.Add(name))
                            {
                                errors.Add(new ValidationError($"{frame.Path}.{pendingName}", "the property appears twice in the same object", ErrorCodes.FhirParse));
                            }
                        }

                        break;
                    case JsonTokenType.String:
                        var at = ChildPath(frames.Peek(), pendingName);
                        if (reader.ValueIsEscaped && Decode(ref reader) is null)
                        {
                            errors.Add(new ValidationError(at, "the text holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape): not Unicode text", ErrorCodes.FhirParse));
                        }

                        Advance(frames, ref pendingName);
                        break;
                    default:
                        Advance(frames, ref pendingName);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the Firely parser run next reports it with its position.
        }

        return errors;
    }

    private static void Advance(Stack<Frame> frames, ref string? pendingName)
    {
        pendingName = null;
        if (frames.Count > 0 && frames.Peek().IsArray)
        {
            frames.Peek().Index++;
        }
    }

    private static string ChildPath(Frame parent, string? name) =>
        parent.IsArray ? $"{parent.Path}[{parent.Index}]" : name is null ? parent.Path : $"{parent.Path}.{name}";

    private static string? Decode(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Printable(string name)
    {
        var shortened = name.Length > 64 ? name[..64] + "…" : name;
        if (!shortened.Any(char.IsControl))
        {
            return shortened;
        }

        var builder = new StringBuilder(shortened.Length + 8);
        foreach (var c in shortened)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
