namespace SglReference.Dmp.Sending;

/// <summary>One RegistryError of a DMP answer.</summary>
/// <param name="Code">errorCode (XDSRegistryMetadataError...).</param>
/// <param name="Context">codeContext.</param>
/// <param name="Severity">…:Error or …:Warning.</param>
public sealed record RegistryError(string Code, string Context, string Severity)
{
    /// <summary>True for an error (not a warning).</summary>
    public bool IsError => !Severity.EndsWith("Warning", StringComparison.Ordinal);
}
