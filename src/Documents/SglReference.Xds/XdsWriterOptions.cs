namespace SglReference.Xds;

/// <summary>How the shared writer renders a submission for one exchange.</summary>
/// <param name="ActionSlot">
/// Name of the extra-metadata slot carrying « action » C (replacement) / D (deletion) in IHE_XDM archives; null
/// writes no such slot (the DMP takes replacements as RPLC associations and deletions through ITI-57).
/// </param>
/// <param name="IncludeHashAndSize">Write the hash (SHA-1) and size slots (XDM: required; XDS.b: the repository computes them).</param>
public sealed record XdsWriterOptions(string? ActionSlot = XdsWriterOptions.DefaultActionSlot, bool IncludeHashAndSize = true)
{
    /// <summary>The default « action » slot name.</summary>
    public const string DefaultActionSlot = "action";

    /// <summary>IHE_XDM defaults: action slot, hash and size.</summary>
    public static XdsWriterOptions Xdm { get; } = new();
}
