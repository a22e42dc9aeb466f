using MimeKit;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Mss.Messages;

/// <summary>One MSSanté message: one patient, one recipient group, the IHE_XDM archive and the PDF.</summary>
/// <param name="Group">Professionals or the patient.</param>
/// <param name="Audience">The document version it carries.</param>
/// <param name="Recipients">Its recipients.</param>
/// <param name="Archive">IHE_XDM.zip.</param>
/// <param name="Document">The N3 of the version (its ids).</param>
/// <param name="Mime">The RFC 5322 message.</param>
public sealed record MssMessage(RecipientGroup Group, Audience Audience, IReadOnlyList<MssRecipient> Recipients, byte[] Archive, DocumentIdentity Document, MimeMessage Mime)
{
    /// <summary>The message as .eml bytes (CRLF line endings).</summary>
    public byte[] ToBytes()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        // Base64 attachments (4/3, in 76-character lines) and headers: one buffer, no growth copies.
        var attachments = Mime.BodyParts.OfType<MimePart>().Sum(p => p.Content?.Stream is { CanSeek: true } s ? s.Length : 0);
        using var stream = new PooledBufferStream(checked((int)(attachments * 79 / 57) + 16384));
        Mime.WriteTo(options, stream);
        return stream.ToArray();
    }
}
