using System.CommandLine;
using SglReference.MailboxDirectory;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Input;

namespace SglReference.Cli;

/// <summary>
/// sgl render INPUT... --out DIR. One input file: every artifact of the report and DIR/manifest.json, all or nothing.
/// Several inputs, a folder or NDJSON on stdin (-): each report into DIR/&lt;reportId&gt;-&lt;revision&gt;/, rendered in
/// one process with bounded parallelism, a progress bar on a terminal and a summary at the end.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CommandContext context)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Report files (JSON contract or FHIR Bundle), folders of *.json reports, or - for NDJSON on stdin (one report per line).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory.", Required = true };
        var pdfRenderer = new Option<string?>("--pdf-renderer") { Description = "pdfsharp (default: PDF/A-1a, AGPL-3.0 or commercial licence), pdfpig (PDF/A-1b, Apache-2.0) or builtin (PDF/A-1a, SglReference's own writer, no third-party PDF library)." };
        var previous = new Option<FileInfo?>("--previous") { Description = "manifest.json of the previous revision: its documents are replaced (same setId, version + 1, RPLC). One input only." };
        var store = new Option<DirectoryInfo?>("--store") { Description = "Directory keeping the last version of each document chain across runs (read, then updated)." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Write the deletion messages of the last issued version of each chain (ORC-1 CA, OBX-11 D) instead of a publication; needs --previous or --store." };
        var parallel = new Option<int?>("--parallel") { Description = "Reports rendered at once in a batch (default: the number of processors; 1 to 64)." };
        var command = new Command("render", "Render reports' artifacts into a directory and write manifest.json for each.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(pdfRenderer);
        command.Options.Add(previous);
        command.Options.Add(store);
        command.Options.Add(withdraw);
        command.Options.Add(parallel);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(previous) is not null && parse.GetValue(store) is not null)
            {
                throw new UserException("--previous and --store are exclusive: give the previous manifest, or the store that remembers it");
            }

            var degree = parse.GetValue(parallel) ?? Environment.ProcessorCount;
            if (degree is < 1 or > 64)
            {
                throw new UserException($"--parallel must be between 1 and 64, found {degree}");
            }

            var configuration = CommonOptions.LoadConfiguration(parse.GetValue(config));
            if (parse.GetValue(pdfRenderer) is { } name)
            {
                configuration = configuration with { Pdf = configuration.Pdf with { Renderer = SglConfiguration.ParseRenderer(name) } };
            }

            var sources = parse.GetValue(inputs)!;
            var single = sources.Length == 1 && sources[0] != "-" && !Directory.Exists(sources[0]);
            if (!single && parse.GetValue(previous) is not null)
            {
                throw new UserException("--previous names the manifest of one report: give one input file, or use --store for a batch");
            }

            var engine = EngineFactory.Create(configuration);
            using var http = configuration.Annuaire is null ? null : new HttpClient();
            var mailboxes = configuration.Annuaire is { } annuaire ? MailboxDirectories.Create(annuaire, http!) : null;
            var job = new RenderJob(engine, parse.GetValue(format), parse.GetValue(store) is { } s ? new DirectoryLineage(s.FullName) : null,
                parse.GetValue(previous)?.FullName, parse.GetValue(withdraw), mailboxes);
            var outDir = parse.GetValue(output)!.FullName;
            if (single)
            {
                var result = await InputLoader.LoadAsync(engine, sources[0], parse.GetValue(format), cancellationToken).ConfigureAwait(false);
                if (!result.IsValid)
                {
                    throw new InvalidInputException(result.Errors);
                }

                var (report, notes) = await job.FillMailboxesAsync(result.Report!, cancellationToken).ConfigureAwait(false);
                foreach (var note in notes)
                {
                    await context.PrintAsync(note).ConfigureAwait(false);
                }

                // Apart from the command, so that a termination request ends it at once.
                var written = await Task.Run(() => job.Render(report, outDir), cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                await context.PrintAsync(engine.PdfRenderer!.LicenceNotice).ConfigureAwait(false);
                foreach (var warning in written.Warnings)
                {
                    await context.PrintAsync(warning).ConfigureAwait(false);
                }

                await context.PrintAsync($"rendered {result.Report!.ReportId}: {written.Artifacts} artifact(s) in {outDir}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await context.PrintAsync(engine.PdfRenderer!.LicenceNotice).ConfigureAwait(false);
            return await BatchRender.RunAsync(context, job, sources, outDir, degree, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>How each report of a render run is read, rendered and written.</summary>
internal sealed class RenderJob(SglEngine engine, InputFormat format, DirectoryLineage? store, string? previousManifest, bool withdraw, IMailboxDirectory? mailboxes = null)
{
    private readonly Lock _storeLock = new();

    /// <summary>
    /// With an Annuaire Santé configured, the report with the MSSanté addresses it was missing, and one line per lookup.
    /// The lookup is I/O: it happens here, before the pure rendering, and only fills what the report leaves out.
    /// </summary>
    public async Task<(Domain.LabReport Report, IReadOnlyList<string> Notes)> FillMailboxesAsync(Domain.LabReport report, CancellationToken cancellationToken)
    {
        if (mailboxes is null)
        {
            return (report, []);
        }

        var (filled, notes) = await MailboxEnrichment.FillAsync(report, mailboxes, cancellationToken).ConfigureAwait(false);
        return (filled, notes.Select(n => (n.Lookup.Outcome == MailboxLookupOutcome.Failed ? "warning: annuaire: " : "annuaire: ") + n).ToList());
    }

    public SglEngine Engine => engine;

    public InputFormat Format => format;

    /// <summary>What one report's rendering wrote.</summary>
    public sealed record Written(int Artifacts, IReadOnlyList<string> Warnings);

    /// <summary>Renders <paramref name="report"/> into <paramref name="outDir"/>, all or nothing; input problems are <see cref="InvalidInputException"/>.</summary>
    public Written Render(Domain.LabReport report, string outDir)
    {
        IReadOnlyList<IssuedDocument> issued;
        if (previousManifest is not null)
        {
            issued = ManifestLineage.Load(previousManifest, report.ReportId);
        }
        else if (store is not null)
        {
            lock (_storeLock)
            {
                issued = store.Load(report.ReportId);
            }
        }
        else
        {
            issued = [];
        }

        var request = new RenderRequest(report)
        {
            Previous = issued,
            Action = withdraw ? RenderAction.Withdraw : RenderAction.Publish,
        };
        var package = RenderErrors.Guard(() => engine.Render(request));
        var files = new List<(string, ReadOnlyMemory<byte>)>();
        var entries = new List<ManifestArtifact>();
        foreach (var artifact in package.Artifacts)
        {
            files.Add((artifact.FileName, artifact.Content));
            var isCda = artifact.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1;
            entries.Add(new ManifestArtifact(artifact.Kind, artifact.AudienceName, artifact.FileName, artifact.MediaType,
                artifact.Document?.Id, artifact.Document?.SetId, artifact.Document?.Version, isCda ? artifact.Document?.Replaces : null));
        }

        files.Add((Manifest.FileName, new Manifest(report.ReportId, entries, report.Revision, package.Action).ToJson()));
        OutputStaging.Commit(outDir, files);
        if (store is not null)
        {
            lock (_storeLock)
            {
                store.Record(report.ReportId, package.Issued);
            }
        }

        var warnings = package.Channels.Where(c => !c.Planned).Select(c => $"warning: {c.Channel} not planned: {c.Reason}").ToList();
        return new Written(entries.Count, warnings);
    }
}
