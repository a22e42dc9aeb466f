using System.CommandLine;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;

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
        var previous = new Option<FileInfo?>("--previous") { Description = "manifest.json of the previous revision: its documents are replaced (same setId, version + 1, RPLC)." };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Directory keeping the last version of each document chain across runs (read, then updated)." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Write the deletion messages of the last issued version of each chain (ORC-1 CA, OBX-11 D) instead of a publication; needs --previous or --store." };
        var command = new Command("render", "Render a report's artifacts into a directory and write manifest.json.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(pdfRenderer);
        command.Options.Add(previous);
        command.Options.Add(store);
        command.Options.Add(withdraw);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(previous) is not null && parse.GetValue(store) is not null)
            {
                throw new UserException("--previous and --store are exclusive: give the previous manifest, or the store that remembers it");
            }

            var configuration = CommonOptions.LoadConfiguration(parse.GetValue(config));
            if (parse.GetValue(pdfRenderer) is { } name)
            {
                configuration = configuration with { Pdf = configuration.Pdf with { Renderer = SglConfiguration.ParseRenderer(name) } };
            }

            var engine = EngineFactory.Create(configuration);
            var result = InputLoader.Load(engine, parse.GetValue(input)!.FullName, parse.GetValue(format));
            if (!result.IsValid)
            {
                throw new InvalidInputException(result.Errors);
            }

            var report = result.Report!;
            var directory = parse.GetValue(store) is { } storeDir ? new DirectoryLineage(storeDir.FullName) : null;
            IReadOnlyList<IssuedDocument> issued = parse.GetValue(previous) is { } manifestFile
                ? ManifestLineage.Load(manifestFile.FullName, report.ReportId)
                : directory?.Load(report.ReportId) ?? [];
            var request = new RenderRequest(report)
            {
                Previous = issued,
                Action = parse.GetValue(withdraw) ? RenderAction.Withdraw : RenderAction.Publish,
            };
            var package = RenderErrors.Guard(() => engine.Render(request));

            await context.Out.WriteLineAsync(engine.PdfRenderer!.LicenceNotice).ConfigureAwait(false);
            var files = new List<(string, ReadOnlyMemory<byte>)>();
            var entries = new List<ManifestArtifact>();
            foreach (var artifact in package.Artifacts)
            {
                files.Add((artifact.FileName, artifact.Content));
                var isCda = artifact.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1;
                entries.Add(new ManifestArtifact(artifact.Kind, artifact.AudienceName, artifact.FileName, artifact.MediaType,
                    artifact.Document?.Id, artifact.Document?.SetId, artifact.Document?.Version, isCda ? artifact.Document?.Replaces : null));
            }

            files.Add((Manifest.FileName, new Manifest(report.ReportId, entries, report.Revision).ToJson()));
            var outDir = parse.GetValue(output)!.FullName;
            OutputStaging.Commit(outDir, files);
            directory?.Record(report.ReportId, package.Issued);
            foreach (var channel in package.Channels.Where(c => !c.Planned))
            {
                await context.Out.WriteLineAsync($"warning: {channel.Channel} not planned: {channel.Reason}").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"rendered {report.ReportId}: {entries.Count} artifact(s) in {outDir}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
