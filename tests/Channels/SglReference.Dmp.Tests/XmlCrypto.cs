using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>npm xml-crypto (tests/tools/verify-dmp.mjs) on request files: its verdicts by file.</summary>
internal static class XmlCrypto
{
    public sealed record Verdict(bool? Vihf, bool? Xades, bool? Manifest, bool? CertDigest, string Raw);

    public static Dictionary<string, Verdict> Verify(IEnumerable<string> files)
    {
        ExternalProcess.RequireNodeTools();
        var list = files.ToList();
        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "verify-dmp.mjs"), .. list], ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.All);
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var json = JsonDocument.Parse(line).RootElement;
            Assert.False(json.TryGetProperty("error", out var error), "verify-dmp: " + error);
            bool? Flag(string name) => json.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            bool? manifest = json.TryGetProperty("manifest", out var m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().All(r => r.GetProperty("ok").GetBoolean()) && m.GetArrayLength() > 0 : null;
            verdicts[json.GetProperty("file").GetString()!] = new Verdict(Flag("vihf"), Flag("xades"), manifest, Flag("certDigest"), line);
        }

        Assert.Equal(list.Count, verdicts.Count);
        return verdicts;
    }
}
