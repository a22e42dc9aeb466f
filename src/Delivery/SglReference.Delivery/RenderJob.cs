namespace SglReference.Delivery;

/// <summary>What a render job asks.</summary>
public enum RenderJobAction
{
    /// <summary>Render and publish a revision.</summary>
    Publish,

    /// <summary>Render the deletion messages of the last issued version.</summary>
    Withdraw,
}

/// <summary>A claimed render job with the submission it renders.</summary>
/// <param name="Id">The job id.</param>
/// <param name="ReportId">The report.</param>
/// <param name="Revision">The revision to render.</param>
/// <param name="Action">Publish or withdraw.</param>
/// <param name="Attempts">Claims so far, this one included (a job that keeps killing its worker is given up).</param>
/// <param name="Format">"json" or "fhir".</param>
/// <param name="Body">The submission's bytes.</param>
public sealed record RenderJob(long Id, string ReportId, int Revision, RenderJobAction Action, int Attempts, string Format, ReadOnlyMemory<byte> Body);
