using Microsoft.Extensions.Logging;
using SglReference.Dmp;
using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Hl7v2;
using SglReference.Mss;

namespace SglReference.Hosting;

/// <summary>The engine SglReference's own hosts run: the configured PDF adapter, every channel, the lab profiles.</summary>
public static class EngineFactory
{
    /// <summary>Builds the engine of <paramref name="configuration"/>; explains any problem as a <see cref="ConfigurationException"/>.</summary>
    /// <param name="configuration">The deployment's configuration.</param>
    /// <param name="time">The clock stamping messages; the system clock when null.</param>
    /// <param name="loggerFactory">Where the engine logs; nowhere when null.</param>
    /// <param name="withPdf">False for an engine that only reads and checks reports (no PDF library loaded).</param>
    public static SglEngine Create(SglConfiguration configuration, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, bool withPdf = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Create(configuration, LoadDmp(configuration), time, loggerFactory, withPdf);
    }

    /// <summary>
    /// Builds the engine of <paramref name="configuration"/> with its DMP options already loaded by
    /// <see cref="LoadDmp"/> (a host that also sends to the DMP loads the certificates once, for both).
    /// </summary>
    /// <param name="configuration">The deployment's configuration.</param>
    /// <param name="dmp">The options <see cref="LoadDmp"/> returned for <paramref name="configuration"/>; null: no DMP channel.</param>
    /// <param name="time">The clock stamping messages; the system clock when null.</param>
    /// <param name="loggerFactory">Where the engine logs; nowhere when null.</param>
    /// <param name="withPdf">False for an engine that only reads and checks reports (no PDF library loaded).</param>
    public static SglEngine Create(SglConfiguration configuration, DmpOptions? dmp, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, bool withPdf = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        var builder = new SglEngineBuilder().UseDocuments(configuration.Documents);
        if (withPdf)
        {
            var (renderer, fonts) = PdfRendering.Create(configuration.Pdf);
            builder.UsePdfRenderer(renderer, fonts);
        }

        try
        {
            builder.AddChannel(new Hl7v2Channel(configuration.Hl7)).AddChannel(new MssChannel(configuration.Mss));
            if (dmp is not null)
            {
                // Certificates were loaded once, before: rendering (which signs the VIHF and the submission set) stays pure.
                builder.AddChannel(new DmpChannel(dmp));
            }

            foreach (var profile in configuration.Laboratories)
            {
                builder.AddLaboratory(profile);
            }

            if (time is not null)
            {
                builder.UseTimeProvider(time);
            }

            if (loggerFactory is not null)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            return builder.Build();
        }
        catch (InvalidSettingException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The DMP options of the configuration's "dmp" section with its certificates loaded, or null without the section;
    /// a file that cannot be read or a setting that breaks its rule is a <see cref="ConfigurationException"/>.
    /// </summary>
    public static DmpOptions? LoadDmp(SglConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Dmp is not { } dmp)
        {
            return null;
        }

        try
        {
            return dmp.Load();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException("dmp: " + ex.Message, ex) { IsInvalidSetting = false };
        }
        catch (InvalidSettingException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}
