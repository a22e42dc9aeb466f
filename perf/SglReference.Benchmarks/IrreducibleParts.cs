using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SglReference.Channels;
using SglReference.Dmp;
using SglReference.Dmp.Soap;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Pdf;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.Layout;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Benchmarks;

/// <summary>
/// The work a package cannot avoid, done the cheapest way with the same libraries, from what one rendered package
/// holds (recorded once, outside the measurement): each PDF drawn straight from its finished layout with PDFsharp
/// (untagged, PDFsharp's own compression and font subsets), every XML document (N3, N1, XDM METADATA.XML, the DMP SOAP
/// envelope with its VIHF, the DMP signature document) written again with an <see cref="XmlWriter"/> (base64 text
/// with WriteBase64), the base64 of the document each ORU carries copied into a pooled buffer of the ORU's size, the
/// digests the XDM metadata and the DMP manifest carry (SHA-1/SHA-256 of the documents), each XDM archive as a zip
/// store, each MSSanté message written by MimeKit (base64 attachment), the DMP MTOM body as a byte copy, and the two
/// RSA signatures (VIHF, XAdES).
/// </summary>
internal sealed class IrreducibleParts
{
    private static readonly XStringFormat s_baseline = new() { Alignment = XStringAlignment.Near, LineAlignment = XLineAlignment.BaseLine };
    private readonly List<ReportLayout> _layouts = [];
    private readonly Dictionary<(FontFace, double), XFont> _fonts = [];
    private readonly List<XmlRecording> _xml = [];
    private readonly List<(byte[] Prefix, byte[] Document, byte[] Suffix)> _orus = [];
    private readonly List<List<(string Name, byte[] Content)>> _zips = [];
    private readonly List<(HashAlgorithmName Algorithm, byte[] Content)> _digests = [];
    private readonly List<MimeMessage> _mails = [];
    private readonly List<(byte[] Head, List<(byte[] Headers, ReadOnlyMemory<byte> Content)> Parts, byte[] End)> _mtoms = [];
    private readonly List<HashAlgorithmName> _signatures = [];
    private readonly MemoryStream _output = new();
    private RSA? _key;
    private XGlyphTypeface _regular = null!;
    private XGlyphTypeface _bold = null!;
    private IPdfRenderer? _builtIn;

    public static IrreducibleParts Of(RenderPackage package, PackageFixtures fixtures)
    {
        var parts = new IrreducibleParts();
        var (renderer, fonts) = Hosting.PdfRendering.Create(fixtures.Configuration.Pdf);
        parts._regular = new XGlyphTypeface(XFontSource.GetOrCreateFrom(fonts.RegularBytes.ToArray()));
        parts._bold = new XGlyphTypeface(XFontSource.GetOrCreateFrom(fonts.BoldBytes.ToArray()));
        var settings = package.Profile.Documents;
        var pdf = new CrBioPdf(renderer, fonts, settings);
        parts._builtIn = renderer as BuiltInPdfRenderer;
        foreach (var document in package.Documents.All)
        {
            if (document.Kind == DocumentKind.Pdf)
            {
                parts._layouts.Add(pdf.Layout(AudienceView.For(package.Report, document.Audience, settings), document.Audience, document.Identity));
            }
            else
            {
                parts._xml.Add(XmlRecording.Of(document.Content));
            }
        }

        var dmp = fixtures.Configuration.Dmp!.Load();
        foreach (var message in package.Messages)
        {
            switch (message.Channel)
            {
                case "hl7v2":
                    parts._orus.Add(Oru(message, package));
                    break;
                case "mss":
                    var archive = message.Attachments.Single().Content.ToArray();
                    var entries = new List<(string, byte[])>();
                    using (var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
                    {
                        foreach (var entry in zip.Entries)
                        {
                            using var content = new MemoryStream();
                            using (var stream = entry.Open())
                            {
                                stream.CopyTo(content);
                            }

                            entries.Add((entry.FullName, content.ToArray()));
                            if (entry.Name == "METADATA.XML")
                            {
                                parts._xml.Add(XmlRecording.Of(content.ToArray()));
                            }
                            else if (entry.Name.EndsWith(".XML", StringComparison.Ordinal))
                            {
                                parts._digests.Add((HashAlgorithmName.SHA1, content.ToArray()));
                            }
                        }
                    }

                    parts._zips.Add(entries);
                    parts._mails.Add(Clone(MimeMessage.Load(new MemoryStream(message.Content.ToArray()))));
                    break;
                case "dmp":
                    var request = DmpHttpRequest.Parse(message.Content.Span);
                    var mtom = Mtom.Read(request.ContentType, request.Body);
                    parts._xml.Add(XmlRecording.Of(mtom.Envelope));
                    var algorithm = SignatureAlgorithms.HashName(dmp.Digest);
                    foreach (var (id, content) in mtom.Parts)
                    {
                        if (id.StartsWith("signature.", StringComparison.Ordinal))
                        {
                            parts._xml.Add(XmlRecording.Of(content));
                        }
                        else
                        {
                            parts._digests.Add((algorithm, content.ToArray()));
                        }
                    }

                    parts._mtoms.Add(MtomParts(mtom));
                    parts._signatures.Add(algorithm);
                    parts._signatures.Add(algorithm);
                    parts._key ??= dmp.Structure("1" + package.Report.Laboratory.FinessGeographique)!.SigningCertificate.GetRSAPrivateKey();
                    break;
                default:
                    throw new InvalidOperationException("unknown channel " + message.Channel);
            }
        }

        return parts;
    }

    /// <summary>Prints what each part writes (twice: a part must write the same on every invocation) and the package's sizes.</summary>
    public static int Print(string fixture)
    {
        using var fixtures = new PackageFixtures(Hosting.PdfRendererKind.PdfSharp);
        var package = fixtures.Engine.Render(new RenderRequest(Testing.Repo.Load(fixture)));
        foreach (var artifact in package.Artifacts)
        {
            Console.WriteLine($"artifact {artifact.Kind} {artifact.Content.Length}");
        }

        var parts = Of(package, fixtures);
        Console.WriteLine($"{parts._layouts.Count} PDFs, {parts._xml.Count} XML documents ({parts._xml.Sum(x => x.Size)} bytes), {parts._orus.Count} ORU, {parts._digests.Count} digests, {parts._zips.Count} zips, {parts._mails.Count} mails, {parts._mtoms.Count} MTOM, {parts._signatures.Count} signatures");
        for (var round = 0; round < 2; round++)
        {
            Console.WriteLine($"pdf {parts.Pdfs()} xml {parts.Xml()} oru {parts.Oru()} zip {parts.Zips()} mime {parts.Mime()}");
        }

        return 0;
    }

    /// <summary>Everything, in sequence.</summary>
    public long All() => Pdfs() + Xml() + Oru() + Digests() + Zips() + Mime() + Signatures();

    /// <summary>
    /// Each PDF drawn from its finished layout: with PDFsharp directly (untagged, no finish), or, when the package uses
    /// the built-in writer, with that writer itself (it has no separate drawing and finishing steps to leave out).
    /// </summary>
    public long Pdfs()
    {
        long total = 0;
        if (_builtIn is not null)
        {
            foreach (var layout in _layouts)
            {
                total += _builtIn.Render(layout).Length;
            }

            return total;
        }

        foreach (var layout in _layouts)
        {
            using var document = new PdfDocument();
            document.Options.CompressContentStreams = true;
            document.Info.Title = layout.Metadata.Title;
            document.Info.Author = layout.Metadata.Author;
            document.Info.Subject = layout.Metadata.Subject;
            document.Info.CreationDate = layout.Metadata.CreationDate.UtcDateTime;
            foreach (var layoutPage in layout.Pages)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(layout.PageWidth);
                page.Height = XUnit.FromPoint(layout.PageHeight);
                using var graphics = XGraphics.FromPdfPage(page);
                foreach (var block in layoutPage.Blocks)
                {
                    foreach (var item in block.Items)
                    {
                        Draw(graphics, item);
                    }
                }
            }

            _output.SetLength(0);
            document.Save(_output, closeStream: false);
            total += _output.Length;
        }

        return total;
    }

    public long Xml()
    {
        long total = 0;
        foreach (var xml in _xml)
        {
            _output.SetLength(0);
            xml.Replay(_output);
            total += _output.Length;
        }

        return total;
    }

    public long Oru()
    {
        long total = 0;
        foreach (var (prefix, document, suffix) in _orus)
        {
            var length = prefix.Length + Base64.GetMaxEncodedToUtf8Length(document.Length) + suffix.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            prefix.CopyTo(buffer, 0);
            Base64.EncodeToUtf8(document, buffer.AsSpan(prefix.Length), out _, out var written);
            suffix.CopyTo(buffer, prefix.Length + written);
            total += buffer[length - 1];
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }

    public long Digests()
    {
        long total = 0;
        foreach (var (algorithm, content) in _digests)
        {
#pragma warning disable CA5350 // SHA-1 is what XDM METADATA.XML and the DMP's default signature digest use
            total += (algorithm == HashAlgorithmName.SHA1 ? SHA1.HashData(content) : SHA256.HashData(content))[0];
#pragma warning restore CA5350
        }

        return total;
    }

    public long Zips()
    {
        long total = 0;
        foreach (var entries in _zips)
        {
            _output.SetLength(0);
            using (var zip = new ZipArchive(_output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in entries)
                {
                    using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                    stream.Write(content);
                }
            }

            total += _output.Length;
        }

        return total;
    }

    public long Mime()
    {
        long total = 0;
        foreach (var mail in _mails)
        {
            _output.SetLength(0);
            mail.WriteTo(_output);
            total += _output.Length;
        }

        foreach (var (head, parts, end) in _mtoms)
        {
            _output.SetLength(0);
            _output.Write(head);
            foreach (var (headers, content) in parts)
            {
                _output.Write(headers);
                _output.Write(content.Span);
            }

            _output.Write(end);
            total += _output.Length;
        }

        return total;
    }

    public long Signatures()
    {
        long total = 0;
        Span<byte> hash = stackalloc byte[32];
        foreach (var algorithm in _signatures)
        {
            total += _key!.SignHash(hash[..(algorithm == HashAlgorithmName.SHA1 ? 20 : 32)], algorithm, RSASignaturePadding.Pkcs1)[0];
        }

        return total;
    }

    private void Draw(XGraphics graphics, LayoutItem item)
    {
        switch (item)
        {
            case TextItem text:
                if (!_fonts.TryGetValue((text.Face, text.Size), out var font))
                {
                    font = new XFont(text.Face == FontFace.Bold ? _bold : _regular, text.Size, new XPdfFontOptions(PdfFontEncoding.Unicode));
                    _fonts[(text.Face, text.Size)] = font;
                }

                graphics.DrawString(text.Text, font, new XSolidBrush(Color(text.Color)), text.X, text.Baseline, s_baseline);
                break;
            case LineItem line:
                graphics.DrawLine(new XPen(Color(line.Color), line.Width), line.X1, line.Y1, line.X2, line.Y2);
                break;
            case RectItem rect when rect.Fill is { } fill:
                graphics.DrawRectangle(new XSolidBrush(Color(fill)), rect.X, rect.Y, rect.Width, rect.Height);
                break;
            case RectItem rect when rect.Stroke is { } stroke:
                graphics.DrawRectangle(new XPen(Color(stroke), rect.StrokeWidth), rect.X, rect.Y, rect.Width, rect.Height);
                break;
        }
    }

    private static XColor Color(Rgb rgb) => XColor.FromArgb(rgb.R, rgb.G, rgb.B);

    /// <summary>The ORU around the base64 of the document it carries.</summary>
    private static (byte[], byte[], byte[]) Oru(OutboundMessage message, RenderPackage package)
    {
        var bytes = message.Content.ToArray();
        foreach (var document in package.Documents.All)
        {
            var base64 = Encoding.ASCII.GetBytes(Convert.ToBase64String(document.Content.Span));
            var at = bytes.AsSpan().IndexOf(base64);
            if (at >= 0)
            {
                return (bytes[..at], document.Content.ToArray(), bytes[(at + base64.Length)..]);
            }
        }

        throw new InvalidOperationException("the ORU carries no rendered document as one base64 run");
    }

    /// <summary>A new message of the same headers and parts (decoded), to be encoded again when written.</summary>
    private static MimeMessage Clone(MimeMessage original)
    {
        var copy = new MimeMessage();
        copy.Headers.Clear();
        foreach (var header in original.Headers)
        {
            if (!header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !header.Field.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.Add(header.Field, header.Value);
            }
        }

        copy.Body = CloneEntity(original.Body ?? throw new InvalidOperationException("a message without a body"));
        return copy;
    }

    private static MimeEntity CloneEntity(MimeEntity entity)
    {
        switch (entity)
        {
            case Multipart multipart:
                var copy = new Multipart(multipart.ContentType.MediaSubtype) { Boundary = multipart.Boundary ?? "boundary" };
                foreach (var child in multipart)
                {
                    copy.Add(CloneEntity(child));
                }

                return copy;
            case MimePart part:
                using (var decoded = new MemoryStream())
                {
                    (part.Content ?? throw new InvalidOperationException("a part without content")).DecodeTo(decoded);
                    var clone = new MimePart(part.ContentType.MediaType, part.ContentType.MediaSubtype)
                    {
                        ContentTransferEncoding = part.ContentTransferEncoding,
                        Content = new MimeContent(new MemoryStream(decoded.ToArray(), writable: false)),
                    };
                    if (part.ContentDisposition is { } disposition)
                    {
                        clone.ContentDisposition = disposition;
                    }

                    return clone;
                }

            default:
                throw new InvalidOperationException("unexpected MIME entity " + entity.GetType().Name);
        }
    }

    /// <summary>The MTOM body as bytes to copy: the head, each part's headers and content, the closing boundary.</summary>
    private static (byte[], List<(byte[], ReadOnlyMemory<byte>)>, byte[]) MtomParts(MtomMessage mtom)
    {
        const string Boundary = "MIMEBoundary_0123456789";
        var parts = new List<(byte[], ReadOnlyMemory<byte>)>
        {
            (Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\nContent-Transfer-Encoding: binary\r\nContent-Id: <{mtom.RootId}>\r\n\r\n"), mtom.Envelope),
        };
        foreach (var (id, content) in mtom.Parts)
        {
            parts.Add((Encoding.ASCII.GetBytes($"\r\n--{Boundary}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-Id: <{id}>\r\n\r\n"), content));
        }

        return ([], parts, Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
    }
}
