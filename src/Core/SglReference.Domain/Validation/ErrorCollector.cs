namespace SglReference.Domain.Validation;

/// <summary>
/// Collects the errors of one input in linear time: the first <see cref="MaxListed"/> are kept in order, the others
/// are only counted, and <see cref="ToList"/> ends with one <see cref="ErrorCodes.TooManyErrors"/> error saying how
/// many were left out. An optional filter drops the errors that only restate one already collected elsewhere.
/// </summary>
public sealed class ErrorCollector
{
    private readonly List<ValidationError> _listed = [];
    private readonly Func<string, bool>? _covered;

    /// <summary>Creates a collector.</summary>
    /// <param name="maxListed">Errors kept (the default is <see cref="ContractLimits.ReportedErrors"/>).</param>
    /// <param name="covered">True for a path whose errors are already reported (they are dropped, not counted).</param>
    public ErrorCollector(int maxListed = ContractLimits.ReportedErrors, Func<string, bool>? covered = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxListed);
        MaxListed = maxListed;
        _covered = covered;
    }

    /// <summary>How many errors are listed at most.</summary>
    public int MaxListed { get; }

    /// <summary>Every error counted (listed or not).</summary>
    public int Count { get; private set; }

    /// <summary>Errors counted but not listed.</summary>
    public int NotListed => Count - _listed.Count;

    /// <summary>The errors listed so far.</summary>
    public IReadOnlyList<ValidationError> Listed => _listed;

    /// <summary>Adds an error (dropped when the filter says it restates one already reported).</summary>
    public void Add(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (_covered is not null && _covered(error.Path))
        {
            return;
        }

        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(error);
        }
    }

    /// <summary>Counts errors that were found but not kept (by another collector).</summary>
    public void AddNotListed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count += count;
    }

    /// <summary>The errors listed, then, when some were not, the error that counts them.</summary>
    public IReadOnlyList<ValidationError> ToList() =>
        NotListed == 0 ? [.. _listed] : [.. _listed, ContractLimits.NotListed(NotListed, _listed.Count)];
}
