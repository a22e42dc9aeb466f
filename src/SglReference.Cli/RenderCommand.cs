using System.CommandLine;

namespace SglReference.Cli;

/// <summary>sgl render INPUT --out DIR: writes every artifact of the report and DIR/manifest.json, all or nothing.</summary>
internal static class RenderCommand
{
    public static Command Create(CommandContext context)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory.", Required = true };
        var command = new Command("render", "Render a report's artifacts into a directory and write manifest.json.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = InputLoader.Load(parse.GetValue(input)!.FullName, parse.GetValue(format));
            if (!result.IsValid)
            {
                throw new InvalidInputException(result.Errors);
            }

            var report = result.Report!;
            var files = new List<(string, byte[])>();
            var artifacts = new List<ManifestArtifact>();
            var manifest = new Manifest(report.ReportId, artifacts);
            files.Add((Manifest.FileName, manifest.ToJson()));
            var outDir = parse.GetValue(output)!.FullName;
            OutputStaging.Commit(outDir, files);
            await context.Out.WriteLineAsync($"rendered {report.ReportId}: {artifacts.Count} artifact(s) in {outDir}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
