using System.CommandLine;
using SglReference.Pipeline;

namespace SglReference.Cli;

/// <summary>sgl render INPUT --out DIR: writes every artifact of the report and DIR/manifest.json, all or nothing.</summary>
internal static class RenderCommand
{
    public static Command Create(CommandContext context)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory.", Required = true };
        var pdfRenderer = new Option<string?>("--pdf-renderer") { Description = "pdfsharp (default: PDF/A-1a, AGPL-3.0 or commercial licence) or pdfpig (PDF/A-1b, Apache-2.0)." };
        var command = new Command("render", "Render a report's artifacts into a directory and write manifest.json.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(pdfRenderer);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = InputLoader.Load(parse.GetValue(input)!.FullName, parse.GetValue(format));
            if (!result.IsValid)
            {
                throw new InvalidInputException(result.Errors);
            }

            var configuration = CommonOptions.LoadConfiguration(parse.GetValue(config));
            if (parse.GetValue(pdfRenderer) is { } name)
            {
                configuration = configuration with { Pdf = configuration.Pdf with { Renderer = SglConfiguration.ParseRenderer(name) } };
            }

            var renderer = new ReportRenderer(configuration);
            await context.Out.WriteLineAsync(renderer.PdfRenderer.LicenceNotice).ConfigureAwait(false);
            var report = result.Report!;
            var artifacts = renderer.Render(report);
            var files = new List<(string, byte[])>();
            var entries = new List<ManifestArtifact>();
            foreach (var artifact in artifacts)
            {
                files.Add((artifact.FileName, artifact.Content));
                entries.Add(new ManifestArtifact(artifact.Kind, artifact.AudienceName, artifact.FileName, artifact.MediaType,
                    artifact.Document?.Id, artifact.Document?.SetId, artifact.Document?.Version));
            }

            files.Add((Manifest.FileName, new Manifest(report.ReportId, entries).ToJson()));
            var outDir = parse.GetValue(output)!.FullName;
            OutputStaging.Commit(outDir, files);
            await context.Out.WriteLineAsync($"rendered {report.ReportId}: {entries.Count} artifact(s) in {outDir}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
