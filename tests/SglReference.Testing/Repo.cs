using SglReference.Domain;
using SglReference.Input.Json;

namespace SglReference.Testing;

/// <summary>Locations in the checkout and the shared knowledge folder beside it.</summary>
public static class Repo
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SglReference.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SglReference.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    public static string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>../shared beside the checkout (official kits and examples).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Fixture(string name) => Path.Combine(Fixtures, name + ".json");

    public static string FhirFixture(string name) => Path.Combine(Fixtures, "fhir", name + ".json");

    /// <summary>Every JSON fixture name (without extension).</summary>
    public static IReadOnlyList<string> FixtureNames =>
        Directory.GetFiles(Fixtures, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads a JSON fixture, failing the test with every error when it is invalid.</summary>
    public static LabReport Load(string name)
    {
        var result = JsonReportReader.ReadFile(Fixture(name));
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"fixture {name} is invalid:\n" + string.Join("\n", result.Errors));
        }

        return result.Report!;
    }

    /// <summary>A fresh temporary directory, removed when disposed.</summary>
    public static TempDirectory TempDirectory() => new();
}

/// <summary>A temporary directory deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sgl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
