using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>Delivered messages read by mailparser (npm), a MIME parser that is not ours (tests/tools/parse-mail.mjs).</summary>
internal static class MailParser
{
    public static IReadOnlyList<JsonElement> Parse(IEnumerable<string> files)
    {
        var list = files.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "parse-mail.mjs"), .. list], ExternalProcess.ToolsDirectory);
        Assert.True(result.ExitCode == 0, result.All);
        return JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
