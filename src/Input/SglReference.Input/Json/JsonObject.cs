using SglReference.Domain;
using System.Globalization;
using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>
/// One JSON object of the contract: typed, path-aware access to its properties. Unknown and duplicate properties
/// are reported when it is opened; a missing or ill-typed property is reported when it is read and a placeholder
/// is returned so that mapping goes on and every error is collected.
/// </summary>
internal sealed class JsonObject
{
    private readonly JsonElement _element;
    private readonly ErrorSink _sink;
    private readonly bool _hasBrokenName;

    private JsonObject(JsonElement element, string path, ErrorSink sink, bool hasBrokenName)
    {
        _element = element;
        Path = path;
        _sink = sink;
        _hasBrokenName = hasBrokenName;
    }

    public string Path { get; }

    public ErrorSink Sink => _sink;

    /// <summary>Opens <paramref name="element"/> as an object whose properties must be among <paramref name="allowed"/>.</summary>
    public static JsonObject? Open(JsonElement element, string path, ErrorSink sink, params ReadOnlySpan<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            sink.WrongType(path, "an object", element);
            return null;
        }

        sink.Tick();
        HashSet<string>? seen = null;
        var broken = false;
        foreach (var property in element.EnumerateObject())
        {
            if (!TryName(property, out var name))
            {
                sink.Add(Child(path, name), ErrorCodes.Text, LoneSurrogate("property name"));
                broken = true;
                continue;
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(name))
            {
                sink.Add(Child(path, name), ErrorCodes.JsonSyntax, "property appears twice in the same object");
            }

            if (!Contains(allowed, name))
            {
                sink.Add(Child(path, name), ErrorCodes.UnknownProperty, "is not a property of the contract (check its spelling)");
            }
        }

        return new JsonObject(element, path, sink, broken);
    }

    /// <summary>The path of property <paramref name="name"/> under <paramref name="path"/>; an empty name reads [""] (no path is ever empty).</summary>
    public static string Child(string path, string name) => name.Length == 0 ? path + "[\"\"]" : path.Length == 0 ? name : path + "." + name;

    public string PathOf(string name) => Child(Path, name);

    /// <summary>The property, or null when absent or JSON null; reports it when required.</summary>
    public JsonElement? Get(string name, bool required)
    {
        if (Find(name) is { } value && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            _sink.Required(PathOf(name));
        }

        return null;
    }

    /// <summary>
    /// The property's value. An object with a property name that is not Unicode text (reported when opened) is
    /// searched name by name: a lookup would have to unescape that name and fail.
    /// </summary>
    private JsonElement? Find(string name)
    {
        if (!_hasBrokenName)
        {
            return _element.TryGetProperty(name, out var value) ? value : null;
        }

        JsonElement? found = null;
        foreach (var property in _element.EnumerateObject())
        {
            if (TryName(property, out var candidate) && candidate == name)
            {
                found = property.Value;
            }
        }

        return found;
    }

    public string? String(string name, bool required = false)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _sink.WrongType(PathOf(name), "a string", value);
            return null;
        }

        return ReadString(value, PathOf(name), _sink);
    }

    /// <summary>
    /// The text of a JSON string, or null (reported) when an escape sequence leaves a lone surrogate (\uD800 without
    /// its pair): such a string is not Unicode text and no output could carry it.
    /// </summary>
    public static string? ReadString(JsonElement value, string path, ErrorSink sink)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            sink.Add(path, ErrorCodes.Text, LoneSurrogate("text"));
            return null;
        }
    }

    private static string LoneSurrogate(string what) =>
        $"{what} holds an escaped lone surrogate (\\uD800 to \\uDFFF without its pair): it is not Unicode text";

    /// <summary>The property's name; false with its escaped form (as written in the input) when it is not Unicode text.</summary>
    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            // The raw property text starts with the quoted, still escaped name.
            var raw = property.ToString();
            var end = 1;
            while (end < raw.Length && raw[end] != '"')
            {
                end += raw[end] == '\\' ? 2 : 1;
            }

            name = raw[1..Math.Min(end, raw.Length)];
            return false;
        }
    }

    public string RequiredString(string name) => String(name, required: true) ?? string.Empty;

    public bool? Bool(string name)
    {
        if (Get(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _sink.WrongType(PathOf(name), "true or false", value);
            return null;
        }

        return value.GetBoolean();
    }

    public int? Int(string name, bool required = false)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var result))
        {
            if (value.ValueKind == JsonValueKind.Number)
            {
                _sink.Add(PathOf(name), ErrorCodes.Number, "must be a whole number between -2147483648 and 2147483647");
            }
            else
            {
                _sink.WrongType(PathOf(name), "a whole number", value);
            }

            return null;
        }

        return result;
    }

    public decimal? Decimal(string name, bool required = false)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }

        return ReadDecimal(value, PathOf(name), _sink);
    }

    /// <summary>Reads a JSON number keeping its written scale (1.950 stays 1.950).</summary>
    public static decimal? ReadDecimal(JsonElement value, string path, ErrorSink sink)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            sink.WrongType(path, "a number", value);
            return null;
        }

        var raw = value.GetRawText();
        if (raw.Length > 40 || !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            sink.Add(path, ErrorCodes.Number, $"number {Shorten(raw)} is out of the decimal range (28 significant digits)");
            return null;
        }

        return result;
    }

    public DateOnly? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (Timestamps.TryParseDate(text, out var date))
        {
            return date;
        }

        _sink.Add(PathOf(name), ErrorCodes.Date, $"must be a date YYYY-MM-DD, found \"{Shorten(text)}\"");
        return null;
    }

    public DateTimeOffset? DateTime(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (Timestamps.TryParse(text, out var value))
        {
            return value;
        }

        _sink.Add(PathOf(name), ErrorCodes.Date,
            $"must be a date-time with its UTC offset, e.g. 2026-11-20T16:05:00+01:00, found \"{Shorten(text)}\"");
        return null;
    }

    public T? Enum<T>(string name, bool required, params ReadOnlySpan<(string Text, T Value)> values)
        where T : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        foreach (var (candidate, value) in values)
        {
            if (candidate == text)
            {
                return value;
            }
        }

        var allowed = new List<string>(values.Length);
        foreach (var (candidate, _) in values)
        {
            allowed.Add("\"" + candidate + "\"");
        }

        _sink.Add(PathOf(name), ErrorCodes.Enum, $"must be one of {string.Join(", ", allowed)}, found \"{Shorten(text)}\"");
        return null;
    }

    public JsonObject? Object(string name, bool required, params ReadOnlySpan<string> allowed)
    {
        if (Get(name, required) is not { } value)
        {
            return null;
        }

        return Open(value, PathOf(name), _sink, allowed);
    }

    /// <summary>
    /// The elements of an array property with their paths; empty when absent. An array longer than
    /// <paramref name="max"/> is reported once and only its first <paramref name="max"/> items are read.
    /// </summary>
    public List<(JsonElement Element, string Path)> Array(string name, int max, bool required = false)
    {
        var result = new List<(JsonElement, string)>();
        if (Get(name, required) is not { } value)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _sink.WrongType(PathOf(name), "an array", value);
            return result;
        }

        var length = value.GetArrayLength();
        if (length > max)
        {
            _sink.Add(ContractLimits.TooManyItems(PathOf(name), length, max));
        }

        var i = 0;
        var path = PathOf(name);
        foreach (var item in value.EnumerateArray())
        {
            if (i == max)
            {
                break;
            }

            result.Add((item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]")));
        }

        return result;
    }

    public List<string> StringArray(string name, int max, bool required = false)
    {
        var result = new List<string>();
        foreach (var (element, path) in Array(name, max, required))
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                if (ReadString(element, path, _sink) is { } text)
                {
                    result.Add(text);
                }
            }
            else
            {
                _sink.WrongType(path, "a string", element);
            }
        }

        return result;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool Contains(ReadOnlySpan<string> allowed, string name)
    {
        foreach (var a in allowed)
        {
            if (a == name)
            {
                return true;
            }
        }

        return false;
    }
}
