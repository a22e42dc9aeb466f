using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;
using SglReference.Domain.Delivery;
using SglReference.Mss.Xdm;
using SglReference.Xds;

namespace SglReference.Mss.Messages;

/// <summary>
/// Builds the MSSanté message of a CR-Bio: From the lab's BAL applicative, one patient, one recipient group, subject
/// <c>XDM/1.0/DDM+CR d'examens biologiques NOM Prénom JJ/MM/AAAA</c>, the X-MSS headers, a read-receipt request when
/// the report asks for one, the body, IHE_XDM.zip and the PDF. Names in headers are encoded by us (see
/// <see cref="HeaderText"/>). Deterministic (Message-ID and MIME boundaries derive from
/// the document and the time), so that a message rendered twice is the same message.
/// </summary>
public static class MssMessageBuilder
{
    /// <summary>The label of the subject.</summary>
    public const string SubjectLabel = "CR d'examens biologiques";

    /// <summary>Builds the message.</summary>
    public static MssMessage Build(MssMessageRequest request, MssOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var report = request.Report;
        var sender = options.Sender ?? report.Laboratory.MssanteMailbox
            ?? throw new InvalidOperationException("laboratory.mssanteMailbox (or mss.sender): an MSSanté message needs the lab's BAL applicative");
        if (request.Recipients.Count == 0)
        {
            throw new InvalidOperationException("an MSSanté message needs at least one recipient");
        }

        if (request.Recipients.Any(r => r.Kind == RecipientKind.Patient) != (request.Group == RecipientGroup.Patient))
        {
            throw new InvalidOperationException("the patient's mailbox travels alone, professionals together");
        }

        var archive = XdmArchiveWriter.Write(new XdsSubmission(report, request.Documents, request.Action, request.CreatedAt, request.Visibility), options);
        var seed = $"{request.Documents[0].Identity.Id}|{request.Group}|{request.Action}|{request.CreatedAt.UtcTicks}";
        var domain = sender[(sender.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(report.Laboratory.Name, sender));
        foreach (var recipient in request.Recipients)
        {
            message.To.Add(new MailboxAddress(recipient.Practitioner?.DisplayName ?? string.Empty, recipient.Address));
        }

        if (options.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        // Names reach the headers encoded by us (RFC 2047), never as given: an encoded-word in a name must not decode.
        HeaderText.SetMailboxes(message, HeaderId.From, [(report.Laboratory.Name, sender)]);
        HeaderText.SetMailboxes(message, HeaderId.To, request.Recipients.Select(r => (r.Practitioner?.DisplayName, r.Address)));
        var p = report.Patient;
        var label = request.Action == DocumentAction.Delete ? MailBodies.DeletionSubjectLabel : SubjectLabel;
        HeaderText.SetUnstructured(message, HeaderId.Subject,
            $"{MssHeaders.SubjectPrefix}{label} {p.BirthName} {p.FirstGivenName} {p.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        message.Date = request.CreatedAt;
        message.MessageId = $"{Hash(seed, 20)}@{domain}";
        message.Headers.Add(MssHeaders.CodeCda, "11502-2");
        message.Headers.Add(MssHeaders.Ins, p.QualifiedIns is null ? "N" : "O");
        message.Headers.Add(MssHeaders.ProductNumber, options.ProductNumber);
        if (request.Group == RecipientGroup.Patient && request.MayNotReply)
        {
            message.Headers.Add(MssHeaders.EndOfExchange, "FIN");
        }

        if (request.Visibility.AckLecture)
        {
            message.Headers.Add(HeaderId.DispositionNotificationTo, sender);
        }

        var body = new TextPart(TextFormat.Plain) { Text = MailBodies.For(report, request.Group, request.Action) };
        body.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        body.ContentType.Charset = "utf-8";
        var zip = Attachment(archive, "application", "zip", XdmArchiveWriter.FileName);
        var pdf = Attachment(request.Pdf, "application", "pdf", $"{SafeName(report.ReportId)}.pdf");
        var multipart = new Multipart("mixed") { body, zip, pdf };
        multipart.Boundary = "=_sgl_" + Hash(seed + "|boundary", 24);
        message.Body = multipart;
        return new MssMessage(request.Group, request.Audience, request.Recipients, archive, request.Documents[0].Identity, message);
    }

    private static Base64Attachment Attachment(ReadOnlyMemory<byte> content, string mediaType, string subtype, string fileName) => new Base64Attachment(mediaType, subtype, content)
    {
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        FileName = fileName,
    };

    private static string SafeName(string value) => string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static string Hash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];
}
