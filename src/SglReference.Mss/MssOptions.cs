namespace SglReference.Mss;

/// <summary>The lab's MSSanté settings (configuration section "mss").</summary>
/// <param name="Sender">The lab's BAL applicative (From); the laboratory's <c>mssanteMailbox</c> when null.</param>
/// <param name="ProductNumber">X-MSS-NIL: the number obtained when declaring the software on convergence.esante.gouv.fr.</param>
/// <param name="IncludeN1">Put the N1 next to the N3 in the IHE_XDM archive.</param>
/// <param name="ActionSlot">Name of the XDM extra-metadata slot carrying « action » C (replacement) / D (deletion).</param>
/// <param name="ReplyTo">Reply-To address, when different from the sender.</param>
public sealed record MssOptions(
    string? Sender = null,
    string ProductNumber = MssOptions.UndeclaredProduct,
    bool IncludeN1 = false,
    string ActionSlot = "action",
    string? ReplyTo = null)
{
    /// <summary>The X-MSS-NIL placeholder until the product is declared: set yours in the configuration.</summary>
    public const string UndeclaredProduct = "SGLREFERENCE-NON-DECLARE";

    /// <summary>The defaults.</summary>
    public static MssOptions Default { get; } = new();
}
