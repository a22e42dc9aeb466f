namespace SglReference.Domain.Documents;

/// <summary>The report revision contradicts what the lineage already issued (an older revision rendered again...).</summary>
public sealed class LineageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LineageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LineageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LineageException()
    {
    }
}
