namespace SglReference.Cli;

/// <summary>A failure to report as one line (exit 1): missing file, bad option, unreachable peer.</summary>
internal sealed class UserException : Exception
{
    public UserException(string message)
        : base(message)
    {
    }

    public UserException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UserException()
    {
    }
}
