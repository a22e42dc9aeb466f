namespace SglReference.Channels;

/// <summary>A file that travels inside a message and is also written on its own (the IHE_XDM.zip of a mail).</summary>
/// <param name="Kind">The artifact kind (ihe-xdm).</param>
/// <param name="FileName">Suggested file name.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record MessageAttachment(string Kind, string FileName, string MediaType, ReadOnlyMemory<byte> Content);
