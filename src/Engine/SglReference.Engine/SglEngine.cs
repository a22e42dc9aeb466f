using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using SglReference.Cda;
using SglReference.Channels;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Input;
using SglReference.Pdf;
using SglReference.Pdf.Fonts;

namespace SglReference.Engine;

/// <summary>
/// The CR-Bio engine, built once by <see cref="SglEngineBuilder"/> and shared: immutable and thread-safe.
/// <see cref="Read"/> turns input bytes into a validated report (the lab profile filling in the laboratory);
/// <see cref="Render"/> turns a report into its <see cref="RenderPackage"/>. Rendering is pure and synchronous: no
/// I/O, every decision made once — the audience view (PDF and CDA), the delivery plan (routing, masking, which version
/// each recipient group and channel receives), the document identities (lineage), the action.
/// </summary>
public sealed class SglEngine
{
    private readonly IPdfRenderer? _renderer;
    private readonly FontSet? _fonts;
    private readonly DocumentSettings _documents;
    private readonly IReadOnlyList<IDeliveryChannel> _channels;
    private readonly IReadOnlyList<LabProfile> _laboratories;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EngineMetrics _metrics;

    internal SglEngine(IPdfRenderer? renderer, FontSet? fonts, DocumentSettings documents, IReadOnlyList<IDeliveryChannel> channels,
        IReadOnlyList<LabProfile> laboratories, TimeProvider time, ILogger logger, EngineMetrics metrics)
    {
        _renderer = renderer;
        _fonts = fonts;
        _documents = documents;
        _channels = channels;
        _laboratories = laboratories;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The PDF renderer in use (its licence notice is printed at start); null for a check-only engine.</summary>
    public IPdfRenderer? PdfRenderer => _renderer;

    /// <summary>The configured lab profiles.</summary>
    public IReadOnlyList<LabProfile> Laboratories => _laboratories;

    /// <summary>The names of the registered channels, in order.</summary>
    public IReadOnlyList<string> ChannelNames => _channels.Select(c => c.Name).ToList();

    /// <summary>
    /// Reads a report (JSON contract or FHIR Bundle, detected when <paramref name="format"/> is auto) and validates it;
    /// a report that names no laboratory takes the profile of the FINESS it names, or the only one configured.
    /// </summary>
    public ReportReadResult Read(ReadOnlySpan<byte> input, InputFormat format = InputFormat.Auto, InputLimits? limits = null)
    {
        var options = new ReportReadOptions(limits ?? InputLimits.Default, _laboratories.Select(l => l.Laboratory).ToList());
        return ReportInput.Read(input, format, options);
    }

    /// <summary>The profile <paramref name="report"/> renders with: the configured one for its FINESS, else the deployment's defaults.</summary>
    public LabProfile ProfileFor(LabReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var profile in _laboratories)
        {
            if (string.Equals(profile.Laboratory.FinessGeographique, report.Laboratory.FinessGeographique, StringComparison.Ordinal))
            {
                return profile with { Laboratory = report.Laboratory };
            }
        }

        return LabProfile.For(report.Laboratory, _documents);
    }

    /// <summary>
    /// What rendering <paramref name="report"/> would do, without rendering it: the delivery plan and each channel's
    /// decision (a channel that cannot run is a warning, not an error).
    /// </summary>
    /// <exception cref="RenderException">The report's delivery choices break a routing rule.</exception>
    public (DeliveryPlan Plan, IReadOnlyList<PlannedChannel> Channels) Check(LabReport report, LabProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        profile ??= ProfileFor(report);
        var plan = PlanOf(report, profile);
        var identities = profile.Documents.Audiences.SelectMany(a => profile.Documents.Formats.Select(f => (a, f)))
            .Select(x => new RenderedDocument(x.f == DocumentFormat.N3 ? DocumentKind.CdaN3 : DocumentKind.CdaN1, x.a, DocumentIdentities.Derive(report, x.f, x.a), ReadOnlyMemory<byte>.Empty))
            .ToList();
        var context = new ChannelContext(report, profile, plan, DocumentAction.Initial, new RenderedDocuments(identities), _time.GetLocalNow());
        return (plan, Decide(context).Select(d => d.Decision).ToList());
    }

    /// <summary>Renders one report into its package; thread-safe.</summary>
    /// <exception cref="RenderException">The request contradicts the report's rules or what was issued before.</exception>
    /// <exception cref="InvalidOperationException">The engine was built without a PDF renderer.</exception>
    public RenderPackage Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_renderer is null || _fonts is null)
        {
            throw new InvalidOperationException("this engine was built without a PDF renderer (SglEngineBuilder.UsePdfRenderer): it checks reports but does not render them");
        }

        var started = Stopwatch.GetTimestamp();
        var report = request.Report;
        var profile = request.Profile ?? ProfileFor(report);
        try
        {
            var package = RenderCore(request, report, profile);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _metrics.Rendered(package.Action.ToString(), elapsed);
            EngineLog.Rendered(_logger, report.ReportId, report.Revision, package.Action, package.Documents.All.Count, package.Messages.Count, elapsed);
            return package;
        }
        catch (RenderException ex)
        {
            var first = ex.Errors.Count > 0 ? ex.Errors[0] : new ValidationError("$", ex.Message, ErrorCodes.Consistency);
            _metrics.Refused(first.Code);
            EngineLog.Refused(_logger, report.ReportId, first.Code, first.Path);
            throw;
        }
    }

    private RenderPackage RenderCore(RenderRequest request, LabReport report, LabProfile profile)
    {
        var settings = profile.Documents;
        var plan = PlanOf(report, profile);
        var (action, identities) = Identities(request, report, settings);
        var pdf = new CrBioPdf(_renderer!, _fonts!, settings);
        var documents = new List<RenderedDocument>(settings.Audiences.Count * 3);
        foreach (var audience in settings.Audiences)
        {
            var view = AudienceView.For(report, audience, settings);
            var n3 = identities[(DocumentFormat.N3, audience)];
            var bytes = pdf.Render(view, audience, n3);
            documents.Add(new RenderedDocument(DocumentKind.Pdf, audience, n3, bytes));
            documents.Add(new RenderedDocument(DocumentKind.CdaN3, audience, n3, CrBioCdaWriter.WriteN3(view, n3, bytes)));
            if (identities.TryGetValue((DocumentFormat.N1, audience), out var n1))
            {
                documents.Add(new RenderedDocument(DocumentKind.CdaN1, audience, n1, CrBioCdaWriter.WriteN1(view, n1, bytes)));
            }
        }

        var rendered = new RenderedDocuments(documents);
        var context = new ChannelContext(report, profile, plan, action, rendered, _time.GetLocalNow());
        var decisions = Decide(context);
        var messages = new List<OutboundMessage>();
        foreach (var (channel, decision) in decisions)
        {
            if (channel is null)
            {
                continue;
            }

            IReadOnlyList<OutboundMessage> built;
            try
            {
                built = channel.Build(context);
            }
            catch (ChannelRuleException ex)
            {
                throw new RenderException([new ValidationError("delivery", ex.Message, ex.Code)]);
            }

            _metrics.Messages(decision.Channel, built.Count);
            messages.AddRange(built);
        }

        return new RenderPackage(report, profile, action, rendered, plan, decisions.Select(d => d.Decision).ToList(), messages);
    }

    private static DeliveryPlan PlanOf(LabReport report, LabProfile profile)
    {
        var plan = DeliveryPlanner.Plan(report, profile.Documents.Audiences);
        if (plan.Violation is { } violation)
        {
            throw new RenderException([new ValidationError("delivery", violation.Message, violation.Code)]);
        }

        return plan;
    }

    private List<(IDeliveryChannel? Channel, PlannedChannel Decision)> Decide(ChannelContext context)
    {
        var decisions = new List<(IDeliveryChannel?, PlannedChannel)>(_channels.Count);
        foreach (var channel in _channels)
        {
            if (!context.Profile.Channels.IsEnabled(channel.Name))
            {
                decisions.Add((null, new PlannedChannel(channel.Name, false, $"{channel.Name}: turned off for this laboratory")));
                continue;
            }

            var readiness = channel.Check(context);
            if (!readiness.IsReady)
            {
                EngineLog.ChannelNotPlanned(_logger, context.Report.ReportId, channel.Name, readiness.Reason!);
                decisions.Add((null, new PlannedChannel(channel.Name, false, readiness.Reason)));
                continue;
            }

            decisions.Add((channel, new PlannedChannel(channel.Name, true, null)));
        }

        return decisions;
    }

    /// <summary>
    /// The identity of every document and the action: a publication takes the next version of each chain after what
    /// was issued (the same identity, RPLC included, when this revision was issued already); a withdrawal names the
    /// last issued version of each chain, and is refused when nothing was issued.
    /// </summary>
    private static (DocumentAction Action, Dictionary<(DocumentFormat, Audience), DocumentIdentity> Identities) Identities(
        RenderRequest request, LabReport report, DocumentSettings settings)
    {
        var lineage = new IssuedLineage(request.Previous);
        var identities = new Dictionary<(DocumentFormat, Audience), DocumentIdentity>();
        if (request.Action == RenderAction.Withdraw)
        {
            var errors = new List<ValidationError>();
            foreach (var audience in settings.Audiences)
            {
                foreach (var format in settings.Formats)
                {
                    if (lineage.Last(report.ReportId, format, audience) is { } last)
                    {
                        identities[(format, audience)] = last.Identity;
                    }
                    else
                    {
                        errors.Add(new ValidationError("revision",
                            $"nothing was issued in the {format} chain of the {AudienceName(audience)} version of report {report.ReportId}: a withdrawal names the last issued version (give the previous manifest or the store)",
                            ErrorCodes.Consistency));
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new RenderException(errors);
            }

            return (DocumentAction.Delete, identities);
        }

        foreach (var audience in settings.Audiences)
        {
            foreach (var format in settings.Formats)
            {
                try
                {
                    identities[(format, audience)] = DocumentIdentities.Resolve(report, format, audience, lineage);
                }
                catch (LineageException ex)
                {
                    throw new RenderException([new ValidationError("revision", ex.Message, ErrorCodes.Consistency)]);
                }
            }
        }

        var replaces = identities.Values.Any(i => i.Replaces is not null);
        return (replaces ? DocumentAction.Replace : DocumentAction.Initial, identities);
    }

    private static string AudienceName(Audience audience) => audience switch
    {
        Audience.Professional => "professional",
        Audience.Patient => "patient",
        _ => "single",
    };

    /// <summary>The previous issue as a lineage.</summary>
    private sealed class IssuedLineage(IReadOnlyList<IssuedDocument> issued) : IDocumentLineage
    {
        public IssuedDocument? Last(string reportId, DocumentFormat format, Audience audience)
        {
            IssuedDocument? last = null;
            foreach (var d in issued)
            {
                if (d.Format == format && d.Audience == audience && (last is null || d.Identity.Version > last.Identity.Version))
                {
                    last = d;
                }
            }

            return last;
        }
    }
}
