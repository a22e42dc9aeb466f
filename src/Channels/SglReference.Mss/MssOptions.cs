using SglReference.Domain.Validation;
using SglReference.Xds;

namespace SglReference.Mss;

/// <summary>The lab's MSSanté settings (configuration section "mss").</summary>
/// <param name="Sender">The lab's BAL applicative (From); the laboratory's <c>mssanteMailbox</c> when null.</param>
/// <param name="ProductNumber">X-MSS-NIL: the number obtained when declaring the software on convergence.esante.gouv.fr.</param>
/// <param name="IncludeN1">Put the N1 next to the N3 in the IHE_XDM archive.</param>
/// <param name="ActionSlot">
/// Name of the XDM extra-metadata slot carrying « action » C (replacement) / D (deletion): a URN (ITI TF-3 §4.1.14), not
/// in the urn:ihe: and urn:oasis: namespaces the standard metadata use; see <see cref="XdsWriterOptions.DefaultActionSlot"/>.
/// </param>
/// <param name="ReplyTo">Reply-To address, when different from the sender.</param>
public sealed record MssOptions(
    string? Sender = null,
    string ProductNumber = MssOptions.UndeclaredProduct,
    bool IncludeN1 = false,
    string ActionSlot = XdsWriterOptions.DefaultActionSlot,
    string? ReplyTo = null)
{
    /// <summary>The X-MSS-NIL placeholder until the product is declared: set yours in the configuration.</summary>
    public const string UndeclaredProduct = "SGLREFERENCE-NON-DECLARE";

    /// <summary>The defaults.</summary>
    public static MssOptions Default { get; } = new();

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public MssOptions Validate()
    {
        SettingRules.Mailbox("mss.sender", Sender);
        SettingRules.Text("mss.productNumber", ProductNumber, 64, asciiOnly: true);
        SettingRules.Urn("mss.actionSlot", ActionSlot);
        if (ActionSlot.StartsWith("urn:ihe:", StringComparison.OrdinalIgnoreCase) || ActionSlot.StartsWith("urn:oasis:", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSettingException("mss.actionSlot", "must not be in the urn:ihe: or urn:oasis: namespaces, which name the standard XDS metadata");
        }

        SettingRules.Mailbox("mss.replyTo", ReplyTo);
        return this;
    }
}
