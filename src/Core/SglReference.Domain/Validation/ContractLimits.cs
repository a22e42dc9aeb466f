namespace SglReference.Domain.Validation;

/// <summary>
/// How much one report may hold (schemas/crbio-report.schema.json states the list limits as <c>maxItems</c>). The
/// limits are far above real reports (a 300-result report is about 200 KiB and 150,000 characters) and keep every
/// output within what its channel accepts: a report at every limit renders an ORU well under the 64 MiB an MLLP peer
/// (and <c>sgl send-hl7</c>) accepts. Readers report a list over its limit once, with its path, and read no further
/// item of it.
/// </summary>
public static class ContractLimits
{
    /// <summary>Highest report revision (each revision is one version of every document chain, whose number a CDA carries).</summary>
    public const int Revision = 9999;

    /// <summary>Address lines.</summary>
    public const int AddressLines = 10;

    /// <summary>Telecoms of one party.</summary>
    public const int Telecoms = 10;

    /// <summary>Birth given names of the patient.</summary>
    public const int GivenNames = 10;

    /// <summary>Correspondents receiving a copy.</summary>
    public const int CopiesTo = 20;

    /// <summary>Specimens of the report.</summary>
    public const int Specimens = 100;

    /// <summary>Chapters of the report.</summary>
    public const int Chapters = 50;

    /// <summary>Batteries of one chapter.</summary>
    public const int Batteries = 200;

    /// <summary>Results of one battery.</summary>
    public const int Observations = 200;

    /// <summary>Isolates of one battery.</summary>
    public const int Isolates = 20;

    /// <summary>Antibiotics of one antibiogram.</summary>
    public const int Antibiogram = 100;

    /// <summary>Reference ranges of one result.</summary>
    public const int ReferenceRanges = 10;

    /// <summary>Interpretation codes of one result.</summary>
    public const int Interpretations = 5;

    /// <summary>Comments of one list (report, chapter, battery, result, isolate).</summary>
    public const int Comments = 20;

    /// <summary>Results in the whole report (observations and isolate counts).</summary>
    public const int Results = 2_000;

    /// <summary>Characters of text in the whole report (names, labels, comments, bodies...).</summary>
    public const int TextCharacters = 1_000_000;

    /// <summary>Errors listed for one input; the rest are counted in one last <see cref="ErrorCodes.TooManyErrors"/> error.</summary>
    public const int ReportedErrors = 1_000;

    /// <summary>The error of a list holding <paramref name="count"/> items where <paramref name="max"/> are allowed.</summary>
    public static ValidationError TooManyItems(string path, int count, int max) =>
        new(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"has {count} items, at most {max}"), ErrorCodes.Cardinality);

    /// <summary>The last error of a list cut at <see cref="ReportedErrors"/>: how many were not listed.</summary>
    public static ValidationError NotListed(int notListed, int listed = ReportedErrors) =>
        new("$", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{notListed} more error(s) not listed: only the first {listed} are"), ErrorCodes.TooManyErrors);

    /// <summary>The count a <see cref="NotListed"/> error carries, or null for any other error.</summary>
    public static int? NotListedCount(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code != ErrorCodes.TooManyErrors)
        {
            return null;
        }

        var end = error.Message.IndexOf(' ', StringComparison.Ordinal);
        return end > 0 && int.TryParse(error.Message.AsSpan(0, end), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
    }
}
