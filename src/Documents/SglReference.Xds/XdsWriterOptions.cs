namespace SglReference.Xds;

/// <summary>How the shared writer renders a submission for one exchange.</summary>
/// <param name="ActionSlot">
/// Name of the extra-metadata slot carrying « action » C (replacement) / D (deletion) in IHE_XDM archives (volet
/// trans-cda-r2, exemples 2-4); a URN, as IHE requires of extra metadata (ITI TF-3 §4.1.14). Null writes no such slot
/// (the DMP takes replacements as RPLC associations and deletions through ITI-57).
/// </param>
/// <param name="IncludeHashAndSize">Write the hash (SHA-1) and size slots (XDM: required; XDS.b: the repository computes them).</param>
public sealed record XdsWriterOptions(string? ActionSlot = XdsWriterOptions.DefaultActionSlot, bool IncludeHashAndSize = true)
{
    /// <summary>
    /// The default « action » slot name. The ANS volet names the extra-metadata « action » in prose only and publishes no
    /// URN for it (IG-hl7v2-volet-transmission-document-cda-r2 exemples 2-4, every version; nor the LPS/MSSanté and
    /// DRIM-M material): this URN is the module's own, in its own namespace, until one is published — set the name the
    /// receiving PFI expects with mss.actionSlot.
    /// </summary>
    public const string DefaultActionSlot = "urn:sglreference:xdm:action";

    /// <summary>IHE_XDM defaults: action slot, hash and size.</summary>
    public static XdsWriterOptions Xdm { get; } = new();
}
