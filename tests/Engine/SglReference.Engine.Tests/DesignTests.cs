using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SglReference.Extensions.DependencyInjection;
using SglReference.Hosting;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfPig;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>The rules that keep the engine embeddable: no PDF library, no channel, no patient data in logs.</summary>
public sealed class DesignTests
{
    private static IEnumerable<AssemblyName> ReferencesOf(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Pop().GetReferencedAssemblies())
            {
                if (seen.Add(reference.Name!))
                {
                    yield return reference;
                    if (reference.Name!.StartsWith("SglReference", StringComparison.Ordinal))
                    {
                        pending.Push(Assembly.Load(reference));
                    }
                }
            }
        }
    }

    [Fact]
    public void The_engine_references_no_pdf_library_and_no_channel()
    {
        var names = ReferencesOf(typeof(SglEngine).Assembly).Select(a => a.Name!).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("PdfSharp", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("UglyToad", StringComparison.Ordinal)); // PdfPig
        Assert.DoesNotContain(names, n => n is "SglReference.Hl7v2" or "SglReference.Mss" or "SglReference.Dmp");
        Assert.Contains("SglReference.Channels", names);
    }

    [Fact]
    public void Channels_never_reference_each_other()
    {
        string[] channels = ["SglReference.Hl7v2", "SglReference.Mss", "SglReference.Dmp"];
        foreach (var channel in channels)
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(channel);
            }
            catch (FileNotFoundException)
            {
                continue; // not built into this test's output
            }

            var names = ReferencesOf(assembly).Select(a => a.Name!).ToList();
            Assert.DoesNotContain(names, n => channels.Contains(n) && n != channel);
        }
    }

    [Fact]
    public void Logs_carry_no_patient_data_and_metrics_count_renders()
    {
        var sink = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        var measured = new List<(string Instrument, long Value)>();
        using var meters = new TestMeterFactory();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SglReference" && meters.Created.Contains(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured.Add((instrument.Name, value));
            }
        });
        listener.Start();
        var configuration = SglConfiguration.Default;
        var (renderer, fonts) = PdfRendering.Create(configuration.Pdf);
        var engine = new SglEngineBuilder().UsePdfRenderer(renderer, fonts).UseTimeProvider(FixedTime.Default)
            .UseLoggerFactory(loggerFactory).UseMeterFactory(meters)
            .AddChannel(new Hl7v2.Hl7v2Channel(configuration.Hl7)).AddChannel(new Mss.MssChannel(configuration.Mss))
            .Build();
        var rendered = 0;
        foreach (var name in Repo.FixtureNames)
        {
            var report = Repo.Load(name);
            try
            {
                engine.Render(new RenderRequest(report));
                rendered++;
            }
            catch (RenderException)
            {
                // refusals are logged too
            }

            var patient = report.Patient;
            string?[] phi = [patient.BirthName, patient.UsedName, patient.FirstGivenName, patient.Ins?.Matricule, report.Biologist.FamilyName];
            foreach (var message in sink.Messages)
            {
                foreach (var value in phi.Where(v => !string.IsNullOrEmpty(v) && v.Length > 3))
                {
                    Assert.DoesNotContain(value!, message, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Contains(sink.Messages, m => m.Contains("Rendered report CR-2026-00101 revision 1", StringComparison.Ordinal));
        Assert.Contains(sink.EventIds, id => id == 1000);
        lock (measured)
        {
            Assert.Equal(rendered, measured.Where(m => m.Instrument == "sgl.reports.rendered").Sum(m => m.Value));
            Assert.Contains(measured, m => m.Instrument == "sgl.messages.planned" && m.Value > 0);
        }
    }

    [Fact]
    public void The_di_package_builds_one_engine_with_the_containers_logging()
    {
        var sink = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(sink));
        services.AddSingleton<TimeProvider>(FixedTime.Default);
        services.AddSglEngine(builder =>
        {
            var fonts = FontSet.Load();
            builder.UsePdfRenderer(new PdfPigRenderer(fonts), fonts);
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<SglEngine>();
        Assert.Same(engine, provider.GetRequiredService<SglEngine>());
        var package = engine.Render(new RenderRequest(Repo.Load("thyroid")));
        Assert.Equal("pdfpig", engine.PdfRenderer!.Name);
        Assert.Empty(package.Messages); // no channel registered: documents only
        Assert.Contains(sink.EventIds, id => id == 1003);
        Assert.Contains(sink.EventIds, id => id == 1000);
    }

    [Fact]
    public void An_engine_without_a_pdf_renderer_checks_but_does_not_render()
    {
        var engine = EngineFactory.Create(SglConfiguration.Default, withPdf: false);
        var report = Repo.Load("thyroid");
        Assert.NotEmpty(engine.Check(report).Channels);
        Assert.Throws<InvalidOperationException>(() => engine.Render(new RenderRequest(report)));
    }
}

/// <summary>Creates meters the test can tell from those of other engines in the process.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    public List<Meter> Created { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        Created.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in Created)
        {
            meter.Dispose();
        }
    }
}

/// <summary>Collects formatted log messages and event ids.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(int EventId, string Message)> _entries = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_entries)
            {
                return _entries.Select(e => e.Message).ToList();
            }
        }
    }

    public IReadOnlyList<int> EventIds
    {
        get
        {
            lock (_entries)
            {
                return _entries.Select(e => e.EventId).ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries)
            {
                owner._entries.Add((eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message)));
            }
        }
    }
}
