using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SglReference.Channels;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Pdf;
using SglReference.Pdf.Fonts;

namespace SglReference.Engine;

/// <summary>
/// Builds an <see cref="SglEngine"/>: the host registers the PDF renderer (the engine references no PDF library), the
/// delivery channels and the lab profiles, then calls <see cref="Build"/> once; the engine is immutable and shared.
/// Every setting is validated at <see cref="Build"/>, with an <see cref="InvalidSettingException"/> naming it.
/// </summary>
public sealed class SglEngineBuilder
{
    private readonly List<IDeliveryChannel> _channels = [];
    private readonly List<LabProfile> _laboratories = [];
    private IPdfRenderer? _renderer;
    private FontSet? _fonts;
    private DocumentSettings _documents = DocumentSettings.Default;
    private TimeProvider _time = TimeProvider.System;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private IMeterFactory? _meterFactory;

    /// <summary>The PDF renderer (PDFsharp, PdfPig or your own adapter) and the fonts the layout measures text with.</summary>
    public SglEngineBuilder UsePdfRenderer(IPdfRenderer renderer, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(fonts);
        _renderer = renderer;
        _fonts = fonts;
        return this;
    }

    /// <summary>The deployment's document choices, for labs whose profile does not set them (two versions by default).</summary>
    public SglEngineBuilder UseDocuments(DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _documents = settings;
        return this;
    }

    /// <summary>Adds a delivery channel; channels run in the order they are added.</summary>
    [Experimental(Experimental.Channels)]
    public SglEngineBuilder AddChannel(IDeliveryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channels.Add(channel);
        return this;
    }

    /// <summary>Adds a lab profile; a report that names no laboratory takes the profile of the FINESS it names, or the only one.</summary>
    public SglEngineBuilder AddLaboratory(LabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _laboratories.Add(profile);
        return this;
    }

    /// <summary>The clock stamping messages (MSH-7, Date); the system clock by default.</summary>
    public SglEngineBuilder UseTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        return this;
    }

    /// <summary>Where the engine logs (nowhere by default). Messages carry no patient data.</summary>
    public SglEngineBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>The meter factory the engine's instruments come from (a process-wide <c>SglReference</c> meter by default).</summary>
    public SglEngineBuilder UseMeterFactory(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meterFactory = meterFactory;
        return this;
    }

    /// <summary>
    /// Validates everything and builds the engine. An engine built without a PDF renderer reads and checks reports but
    /// refuses to render them.
    /// </summary>
    /// <exception cref="InvalidSettingException">A setting breaks its rule (the message names it).</exception>
    public SglEngine Build()
    {
        _documents.Validate("documents");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in _channels)
        {
            if (!names.Add(channel.Name))
            {
                throw new InvalidSettingException("channels", $"the channel \"{channel.Name}\" is registered twice");
            }
        }

        var finess = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _laboratories.Count; i++)
        {
            var profile = _laboratories[i];
            var where = $"laboratories[{i}]";
            if (!finess.Add(profile.Laboratory.FinessGeographique))
            {
                throw new InvalidSettingException(where + ".finessGeographique", $"{profile.Laboratory.FinessGeographique} is configured twice");
            }

            profile.Documents.Validate(where);
            foreach (var name in profile.Channels.Names)
            {
                if (!names.Contains(name))
                {
                    throw new InvalidSettingException($"{where}.channels.{name}", "no such channel (registered: " + string.Join(", ", names) + ")");
                }
            }
        }

        var meter = _meterFactory?.Create(EngineMetrics.MeterName) ?? new Meter(EngineMetrics.MeterName, typeof(SglEngine).Assembly.GetName().Version?.ToString(3));
        var logger = _loggerFactory.CreateLogger<SglEngine>();
        var engine = new SglEngine(_renderer, _fonts, _documents, [.. _channels], [.. _laboratories], _time, logger, new EngineMetrics(meter));
        var rendererName = _renderer?.Name ?? "none";
        EngineLog.Built(logger, rendererName, _channels.Count, _laboratories.Count);
        return engine;
    }
}
