using System.Globalization;
using System.Net;
using System.Text;
using SglReference.Domain.Documents;
using SglReference.Mss.Messages;
using SglReference.Xds;

namespace SglReference.Mss.Xdm;

/// <summary>
/// Writes IHE_XDM.zip (ITI-32 media, ZIP over e-mail): INDEX.HTM and README.TXT at the root, IHE_XDM/SUBSET01 with
/// METADATA.XML and the CDA files named in ISO 9660 level 1 (DOC0001.XML...), deflated by <see cref="ZipWriter"/>.
/// Deterministic: entries carry the submission time, so the same submission gives the same bytes.
/// </summary>
public static class XdmArchiveWriter
{
    /// <summary>The attachment name of the archive in MSSanté messages.</summary>
    public const string FileName = "IHE_XDM.zip";

    /// <summary>The subset folder.</summary>
    public const string Subset = "SUBSET01";

    /// <summary>The archive bytes.</summary>
    public static byte[] Write(XdsSubmission submission, MssOptions options)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(options);
        if (submission.Documents.Count is 0 or > 9999)
        {
            throw new ArgumentException("an XDM submission holds 1 to 9999 documents", nameof(submission));
        }

        var names = submission.Documents.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"DOC{i + 1:0000}.XML")).ToList();
        var uris = names.Select(n => $"{Subset}/{n}").ToList();
        var metadata = SubmitObjectsRequestWriter.Write(submission, uris, new XdsWriterOptions(options.ActionSlot));
        var index = Index(submission, names);
        var readme = Readme(submission, names);
        // Entries are never larger than their content (stored when deflate does not help): one buffer, no growth copies.
        var capacity = index.Length + readme.Length + metadata.Length + submission.Documents.Sum(d => d.Cda.Length) + (1024 * (names.Count + 3));
        using var zip = new ZipWriter(capacity, submission.SubmittedAt.DateTime);
        zip.Add("INDEX.HTM", index);
        zip.Add("README.TXT", readme);
        zip.Add($"IHE_XDM/{Subset}/METADATA.XML", metadata);
        for (var i = 0; i < names.Count; i++)
        {
            zip.Add($"IHE_XDM/{Subset}/{names[i]}", submission.Documents[i].Cda.Span);
        }

        return zip.Finish();
    }

    private static byte[] Index(XdsSubmission submission, List<string> names)
    {
        var lab = WebUtility.HtmlEncode(submission.Report.Laboratory.Name);
        var b = new StringBuilder();
        b.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
        b.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\r\n");
        b.Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\">\r\n<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /><title>IHE_XDM</title></head>\r\n<body>\r\n");
        b.Append("<h1>Compte rendu d'examens biologiques</h1>\r\n");
        b.Append("<p>Envoyé par ").Append(lab).Append(" (FINESS ").Append(submission.Report.Laboratory.FinessGeographique).Append(").</p>\r\n");
        b.Append("<p><a href=\"README.TXT\">README.TXT</a> décrit le contenu de ce support (IHE XDM).</p>\r\n<ul>\r\n");
        for (var i = 0; i < names.Count; i++)
        {
            var kind = submission.Documents[i].Format == DocumentFormat.N3 ? "CDA R2 niveau 3" : "CDA R2 niveau 1 (PDF)";
            b.Append("<li><a href=\"IHE_XDM/").Append(Subset).Append('/').Append(names[i]).Append("\">").Append(names[i]).Append("</a> : ").Append(kind).Append("</li>\r\n");
        }

        b.Append("</ul>\r\n</body>\r\n</html>\r\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    private static byte[] Readme(XdsSubmission submission, List<string> names)
    {
        var lab = submission.Report.Laboratory;
        var version = typeof(XdmArchiveWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var b = new StringBuilder();
        b.Append("Support IHE XDM (ITI-32) - compte rendu d'examens biologiques\r\n\r\n");
        b.Append("Expediteur : ").Append(lab.Name).Append("\r\n");
        b.Append("FINESS : ").Append(lab.FinessGeographique).Append("\r\n");
        if (lab.MssanteMailbox is { } mailbox)
        {
            b.Append("BAL MSSante : ").Append(mailbox).Append("\r\n");
        }

        b.Append("Logiciel : SglReference ").Append(version).Append(" (SglReference project)\r\n\r\n");
        b.Append("Contenu :\r\n  INDEX.HTM\r\n  README.TXT\r\n  IHE_XDM/\r\n    ").Append(Subset).Append("/\r\n      METADATA.XML  metadonnees XDS (ebRS 3.0)\r\n");
        for (var i = 0; i < names.Count; i++)
        {
            b.Append("      ").Append(names[i]).Append(submission.Documents[i].Format == DocumentFormat.N3 ? "  CDA R2 N3 (CR-BIO)\r\n" : "  CDA R2 N1 (PDF)\r\n");
        }

        b.Append("\r\nOuvrir les documents avec un logiciel de sante compatible CDA R2 ; METADATA.XML identifie le patient et les documents.\r\n");
        return Encoding.UTF8.GetBytes(b.ToString());
    }
}
