using SglReference.Domain;
using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>Collects the structural errors found while mapping JSON to the model.</summary>
internal sealed class ErrorSink
{
    public List<ValidationError> Errors { get; } = [];

    public void Add(string path, string code, string message) => Errors.Add(new ValidationError(path.Length == 0 ? "$" : path, message, code));

    public void Required(string path) => Add(path, ErrorCodes.Required, "is required");

    public void WrongType(string path, string expected, JsonElement actual) =>
        Add(path, ErrorCodes.Type, $"must be {expected}, found {Describe(actual.ValueKind)}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// Drops semantic errors that only restate a structural error (same field, or inside a field that was
    /// missing or malformed and replaced by a placeholder).
    /// </summary>
    public IReadOnlyList<ValidationError> MergeWith(IReadOnlyList<ValidationError> semantic)
    {
        if (Errors.Count == 0)
        {
            return semantic;
        }

        var merged = new List<ValidationError>(Errors);
        foreach (var error in semantic)
        {
            var shadowed = Errors.Exists(s =>
                error.Path == s.Path ||
                (error.Path.StartsWith(s.Path, StringComparison.Ordinal) && error.Path.Length > s.Path.Length && error.Path[s.Path.Length] is '.' or '['));
            if (!shadowed)
            {
                merged.Add(error);
            }
        }

        return merged;
    }
}
