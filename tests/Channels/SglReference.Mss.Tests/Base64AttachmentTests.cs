using MimeKit;
using SglReference.Engine;
using SglReference.Mss.Messages;
using Xunit;

namespace SglReference.Mss.Tests;

/// <summary>
/// <see cref="Base64Attachment"/> writes what MimeKit's own <see cref="MimePart"/> writes for the same bytes, byte for
/// byte, at every length around its line and block sizes, in both new-line formats, sync and async; whatever it does not
/// write itself goes to MimeKit.
/// </summary>
public sealed class Base64AttachmentTests
{
    public static TheoryData<int> Lengths() =>
        [1, 2, 3, 56, 57, 58, 113, 114, 115, (57 * 64) - 1, 57 * 64, (57 * 64) + 1, (57 * 128) + 2, 54_321, 250_000];

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Writes_what_MimeKit_writes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        foreach (var format in new[] { NewLineFormat.Dos, NewLineFormat.Unix })
        {
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = format;
            var expected = Write(Message(Reference(bytes)), options);
            Assert.Equal(expected, Write(Message(Ours(bytes)), options));
            Assert.Equal(expected, await WriteAsync(Message(Ours(bytes)), options));
            Assert.Equal(Write(Reference(bytes), options, contentOnly: true), Write(Ours(bytes), options, contentOnly: true));
        }
    }

    [Fact]
    public void Leaves_a_changed_part_to_MimeKit()
    {
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;

        var quoted = Ours(bytes);
        quoted.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        var reference = Reference(bytes);
        reference.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        Assert.Equal(Write(reference, options), Write(quoted, options));

        var replaced = Ours(bytes);
        replaced.Content = new MimeContent(new MemoryStream(bytes[..100]));
        Assert.Equal(Write(Reference(bytes[..100]), options), Write(replaced, options));
    }

    [Theory]
    [InlineData("biochemistry")]
    [InlineData("microbiology-urine")]
    [InlineData("subcontracted")]
    public void Every_message_reads_back_to_its_archive_and_pdf_and_writes_back_unchanged(string fixture)
    {
        var artifacts = RenderedMss.Artifacts(fixture);
        var messages = RenderedMss.Messages(artifacts);
        Assert.NotEmpty(messages);
        foreach (var artifact in messages)
        {
            var message = MimeMessage.Load(new MemoryStream(artifact.Content.ToArray()));
            var parts = message.BodyParts.OfType<MimePart>().Where(p => p.IsAttachment).ToList();
            var zip = Decoded(parts.Single(p => p.ContentType.IsMimeType("application", "zip")));
            var pdf = Decoded(parts.Single(p => p.ContentType.IsMimeType("application", "pdf")));
            Assert.Contains(artifacts, a => a.Kind == ArtifactKinds.IheXdm && a.Content.Span.SequenceEqual(zip));
            Assert.Contains(artifacts, a => a.Kind == ArtifactKinds.Pdf && a.Content.Span.SequenceEqual(pdf));

            // MimeKit writes the parsed message back to the same bytes: lines, boundaries and new lines are its own.
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            Assert.Equal(artifact.Content.ToArray(), Write(message, options));
        }
    }

    private static byte[] Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content!.DecodeTo(output);
        return output.ToArray();
    }

    private static Base64Attachment Ours(byte[] bytes) => new("application", "pdf", bytes)
    {
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment), FileName = "report.pdf",
    };

    private static MimePart Reference(byte[] bytes) => new("application", "pdf")
    {
        Content = new MimeContent(new MemoryStream(bytes)),
        ContentTransferEncoding = ContentEncoding.Base64,
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        FileName = "report.pdf",
    };

    /// <summary>The part between a text part and another attachment, as an MSSanté message carries it.</summary>
    private static MimeMessage Message(MimePart attachment)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Lab", "lab@example.org"));
        message.To.Add(new MailboxAddress("Dr", "dr@example.org"));
        message.Subject = "test";
        message.MessageId = "fixed@example.org";
        message.Date = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        var multipart = new Multipart("mixed") { new TextPart("plain") { Text = "Bonjour" }, attachment, Reference([1, 2, 3]) };
        multipart.Boundary = "=_fixed";
        message.Body = multipart;
        return message;
    }

    private static byte[] Write(MimeMessage message, FormatOptions options)
    {
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }

    private static async Task<byte[]> WriteAsync(MimeMessage message, FormatOptions options)
    {
        using var output = new MemoryStream();
        await message.WriteToAsync(options, output);
        return output.ToArray();
    }

    private static byte[] Write(MimeEntity entity, FormatOptions options, bool contentOnly = false)
    {
        using var output = new MemoryStream();
        entity.WriteTo(options, output, contentOnly);
        return output.ToArray();
    }
}
