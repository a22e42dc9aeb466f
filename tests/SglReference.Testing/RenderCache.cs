using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;

namespace SglReference.Testing;

/// <summary>
/// The one render cache of the test suite: an engine per configuration (PDF adapter, every channel, fixed clock) and
/// every fixture rendered once with the default configuration, shared by all test projects in a process.
/// </summary>
public static class RenderCache
{
    private static readonly ConditionalWeakTable<SglConfiguration, SglEngine> s_engines = new();
    private static readonly Lazy<SglEngine> s_default = new(() => EngineFactory.Create(SglConfiguration.Default, FixedTime.Default));
    private static readonly ConcurrentDictionary<string, Lazy<RenderPackage>> s_packages = new(StringComparer.Ordinal);

    /// <summary>The engine of the embedded defaults, at <see cref="FixedTime.Default"/>.</summary>
    public static SglEngine Default => s_default.Value;

    /// <summary>The engine of <paramref name="configuration"/> (built once per configuration object).</summary>
    public static SglEngine Engine(SglConfiguration? configuration) =>
        configuration is null || ReferenceEquals(configuration, SglConfiguration.Default)
            ? Default
            : s_engines.GetValue(configuration, c => EngineFactory.Create(c, FixedTime.Default));

    /// <summary>The package of a fixture with the defaults.</summary>
    public static RenderPackage Package(string fixture) =>
        s_packages.GetOrAdd(fixture, f => new Lazy<RenderPackage>(() => Default.Render(new RenderRequest(Repo.Load(f))))).Value;

    /// <summary>Every artifact of a fixture with the defaults.</summary>
    public static IReadOnlyList<Artifact> Artifacts(string fixture) => Package(fixture).Artifacts;

    /// <summary>Renders a report (a fixture with changes) with a configuration, an action and what was issued before.</summary>
    public static RenderPackage Render(LabReport report, SglConfiguration? configuration = null, RenderAction action = RenderAction.Publish, IReadOnlyList<IssuedDocument>? previous = null) =>
        Engine(configuration).Render(new RenderRequest(report) { Action = action, Previous = previous ?? [] });

    /// <summary>The artifact of <paramref name="kind"/> for <paramref name="audience"/>.</summary>
    public static Artifact Get(this IReadOnlyList<Artifact> artifacts, string kind, Audience audience) =>
        artifacts.Single(a => a.Kind == kind && a.Audience == audience);

    /// <summary>The bytes of an artifact as an array.</summary>
    public static byte[] Bytes(this Artifact artifact) => artifact.Content.ToArray();
}
