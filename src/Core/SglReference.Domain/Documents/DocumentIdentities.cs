using System.Globalization;

namespace SglReference.Domain.Documents;

/// <summary>
/// Mints document identities as pure functions of the report: the set id of a (report, format, audience) chain is
/// <c>{documents}.2.{h}</c> and the id of its version v is <c>{documents}.1.{h'}</c>, where h and h' are 64-bit
/// SHA-256 prefixes of the lab's document arc, the report id, the format, the audience (and v). The same report
/// revision always gets the same ids (re-rendering is idempotent); revision r is version r of each chain and replaces
/// version r − 1. When earlier versions were issued otherwise, a lineage (previous manifest, store, database)
/// supplies them instead.
/// </summary>
public static class DocumentIdentities
{
    /// <summary>The identity of <paramref name="report"/>'s document in <paramref name="format"/> for <paramref name="audience"/>.</summary>
    public static DocumentIdentity Derive(LabReport report, DocumentFormat format, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Derive(report.Laboratory.Oids.Documents, report.ReportId, format, audience, report.Revision);
    }

    /// <summary>The identity of version <paramref name="version"/> of a chain.</summary>
    public static DocumentIdentity Derive(string documentsRoot, string reportId, DocumentFormat format, Audience audience, int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var chain = $"{documentsRoot}|{reportId}|{format}|{audience}";
        var setId = $"{documentsRoot}.2.{DerivedIds.Number(chain)}";
        var replaces = version > 1 ? Derive(documentsRoot, reportId, format, audience, version - 1) : null;
        return new DocumentIdentity($"{documentsRoot}.1.{DerivedIds.Number(chain + "|" + version.ToString(CultureInfo.InvariantCulture))}", setId, version, replaces);
    }

    /// <summary>
    /// The identity of <paramref name="report"/>'s document given what <paramref name="lineage"/> already issued: the
    /// same identity when this revision was issued already (re-rendering is idempotent), the next version of the chain
    /// when an earlier revision was, and the derived identity when the chain is unknown.
    /// </summary>
    /// <exception cref="LineageException">The lineage holds a later revision than the report's.</exception>
    public static DocumentIdentity Resolve(LabReport report, DocumentFormat format, Audience audience, IDocumentLineage? lineage)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (lineage?.Last(report.ReportId, format, audience) is not { } last)
        {
            return Derive(report, format, audience);
        }

        if (last.Revision == report.Revision)
        {
            return last.Identity;
        }

        if (last.Revision > report.Revision)
        {
            throw new LineageException(
                $"report {report.ReportId} revision {report.Revision} is older than revision {last.Revision}, already issued as {format} version {last.Identity.Version}");
        }

        return Next(last.Identity, report.Laboratory.Oids.Documents, report.ReportId, format, audience);
    }

    /// <summary>The next version of a chain whose last issued version is <paramref name="previous"/>.</summary>
    public static DocumentIdentity Next(DocumentIdentity previous, string documentsRoot, string reportId, DocumentFormat format, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var version = previous.Version + 1;
        var chain = $"{documentsRoot}|{reportId}|{format}|{audience}|{previous.SetId}";
        return new DocumentIdentity($"{documentsRoot}.1.{DerivedIds.Number(chain + "|" + version.ToString(CultureInfo.InvariantCulture))}", previous.SetId, version, previous with { Replaces = null });
    }
}
