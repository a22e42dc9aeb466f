using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>
/// Collects the structural errors found while mapping JSON to the model, in linear time: the first
/// <see cref="ContractLimits.ReportedErrors"/> are listed, the rest counted. Checks for cancellation as it goes.
/// </summary>
internal sealed class ErrorSink
{
    // Paths of structural errors, to drop the semantic errors that only restate them (bounded: past it, a few such
    // restatements may be counted among the errors not listed).
    private const int MaxRememberedPaths = 100_000;

    private readonly ErrorCollector _collector = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;
    private int _ticks;

    public ErrorSink(CancellationToken cancellationToken = default) => _cancellationToken = cancellationToken;

    /// <summary>The errors listed so far.</summary>
    public IReadOnlyList<ValidationError> Errors => _collector.Listed;

    /// <summary>True when any error was found (listed or not).</summary>
    public bool HasErrors => _collector.Count > 0;

    public void Add(string path, string code, string message)
    {
        path = path.Length == 0 ? "$" : path;
        if (_paths.Count < MaxRememberedPaths)
        {
            _paths.Add(path);
        }

        _collector.Add(new ValidationError(path, message, code));
    }

    public void Add(ValidationError error) => Add(error.Path, error.Code, error.Message);

    public void Required(string path) => Add(path, ErrorCodes.Required, "is required");

    public void WrongType(string path, string expected, JsonElement actual) =>
        Add(path, ErrorCodes.Type, $"must be {expected}, found {Describe(actual.ValueKind)}");

    /// <summary>Called once per JSON object read: throws when the read is cancelled.</summary>
    public void Tick()
    {
        if ((++_ticks & 1023) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

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
    /// The structural errors, then the semantic errors <see cref="ReportValidator"/> finds in the mapped report except
    /// those that only restate a structural error (same field, or inside a field that was missing or malformed and
    /// replaced by a placeholder); at most <see cref="ContractLimits.ReportedErrors"/> listed, the rest counted.
    /// </summary>
    public IReadOnlyList<ValidationError> Complete(Action<ErrorCollector> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var result = new ErrorCollector();
        foreach (var error in _collector.Listed)
        {
            result.Add(error);
        }

        result.AddNotListed(_collector.NotListed);
        var semantic = new ErrorCollector(covered: HasErrors ? Covers : null);
        validate(semantic);
        foreach (var error in semantic.Listed)
        {
            result.Add(error);
        }

        result.AddNotListed(semantic.NotListed);
        return result.ToList();
    }

    /// <summary>
    /// The structural errors, then the semantic errors (already validated, paths translated by the caller) that do
    /// not restate one, capped as <see cref="Complete"/>; a semantic "not listed" error adds its count.
    /// </summary>
    public IReadOnlyList<ValidationError> MergeWith(IReadOnlyList<ValidationError> semantic)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        return Complete(collector =>
        {
            foreach (var error in semantic)
            {
                if (ContractLimits.NotListedCount(error) is { } count)
                {
                    collector.AddNotListed(count);
                }
                else
                {
                    collector.Add(error);
                }
            }
        });
    }

    /// <summary>True when <paramref name="path"/> or a field containing it has a structural error.</summary>
    public bool Covers(string path)
    {
        if (_paths.Contains(path))
        {
            return true;
        }

        for (var i = path.Length - 1; i > 0; i--)
        {
            if (path[i] is '.' or '[' && _paths.Contains(path[..i]))
            {
                return true;
            }
        }

        return false;
    }
}
