namespace SglReference.Domain.Documents;

/// <summary>
/// What a version shows: the report with the comments its audience may not read left out. The professional version
/// and the single version show everything; the patient version leaves out comments reserved for professionals
/// (by their audience, or by their kind as the lab configured).
/// </summary>
public static class AudienceView
{
    /// <summary>The report as <paramref name="audience"/> reads it.</summary>
    public static LabReport For(LabReport report, Audience audience, DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        if (audience != Audience.Patient)
        {
            return report;
        }

        var hidden = settings.EffectiveProfessionalOnlyComments;
        ValueList<Comment> Keep(ValueList<Comment> comments) =>
            comments.Any(c => Hidden(c, hidden)) ? new ValueList<Comment>(comments.Where(c => !Hidden(c, hidden))) : comments;

        Observation View(Observation o) => o with { Comments = Keep(o.Comments) };

        return report with
        {
            Comments = Keep(report.Comments),
            Chapters = new ValueList<Chapter>(report.Chapters.Select(c => c with
            {
                Comments = Keep(c.Comments),
                Batteries = new ValueList<Battery>(c.Batteries.Select(b => b with
                {
                    Comments = Keep(b.Comments),
                    Observations = new ValueList<Observation>(b.Observations.Select(View)),
                    Isolates = new ValueList<Isolate>(b.Isolates.Select(i => i with
                    {
                        Comments = Keep(i.Comments),
                        Count = i.Count is null ? null : View(i.Count),
                    })),
                })),
            })),
        };
    }

    private static bool Hidden(Comment comment, IReadOnlySet<CommentKind> hiddenKinds) =>
        comment.Audience == CommentAudience.ProfessionalOnly || hiddenKinds.Contains(comment.Kind);
}
