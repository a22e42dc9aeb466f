using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SglReference.Engine;

namespace SglReference.Extensions.DependencyInjection;

/// <summary>Registration of the SglReference engine in a service collection, in the way of Npgsql's AddNpgsqlDataSource.</summary>
public static class SglServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SglEngine"/> singleton, built on first use: <paramref name="configure"/> registers the
    /// PDF renderer, the channels and the lab profiles on the builder; the container's <see cref="ILoggerFactory"/>,
    /// <see cref="IMeterFactory"/> and <see cref="TimeProvider"/> are used when registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder (the service provider is given, to resolve your own services).</param>
    public static IServiceCollection AddSglEngine(this IServiceCollection services, Action<IServiceProvider, SglEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var builder = new SglEngineBuilder();
            if (provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            if (provider.GetService<IMeterFactory>() is { } meterFactory)
            {
                builder.UseMeterFactory(meterFactory);
            }

            if (provider.GetService<TimeProvider>() is { } time)
            {
                builder.UseTimeProvider(time);
            }

            configure(provider, builder);
            return builder.Build();
        });
        return services;
    }

    /// <summary>Registers one <see cref="SglEngine"/> singleton configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddSglEngine(this IServiceCollection services, Action<SglEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSglEngine((_, builder) => configure(builder));
    }
}
