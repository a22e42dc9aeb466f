namespace SglReference.Domain.Delivery;

/// <summary>One MSSanté mailbox a report is mailed to.</summary>
/// <param name="Address">The MSSanté address.</param>
/// <param name="Kind">Who it is.</param>
/// <param name="Practitioner">The professional, for professional recipients.</param>
public sealed record MssRecipient(string Address, RecipientKind Kind, Practitioner? Practitioner);
