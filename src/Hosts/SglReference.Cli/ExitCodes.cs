namespace SglReference.Cli;

/// <summary>Process exit codes of sgl.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;
    /// <summary>Anything else failed (I/O, configuration, peer): one line on stderr.</summary>
    public const int Failure = 1;
    /// <summary>The input is invalid: every error on stderr as "path: message [CODE]", nothing written.</summary>
    public const int InvalidInput = 2;
}
