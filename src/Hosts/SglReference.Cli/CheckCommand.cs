using System.CommandLine;
using SglReference.Engine;
using SglReference.Hosting;

namespace SglReference.Cli;

/// <summary>
/// sgl check INPUT: validates a report and prints a one-line summary, then one warning per channel that would not run
/// for it (no mailbox, nobody to mail, turned off...): such a channel is simply not planned, the rest is produced.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate a report (JSON contract or FHIR Bundle); exit 2 with every error when invalid; warn about channels that will not run.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(config);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var engine = EngineFactory.Create(CommonOptions.LoadConfiguration(parse.GetValue(config)), withPdf: false);
            var result = await InputLoader.LoadAsync(engine, parse.GetValue(input)!.FullName, parse.GetValue(format), cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                throw new InvalidInputException(result.Errors);
            }

            var report = result.Report!;
            var (_, channels) = RenderErrors.Guard(() => engine.Check(report));
            var results = report.AllObservations().Count();
            await context.PrintAsync(
                $"valid: report {report.ReportId} revision {report.Revision}, {report.Chapters.Count} chapter(s), {results} result(s)").ConfigureAwait(false);
            foreach (var channel in channels.Where(c => !c.Planned))
            {
                await context.PrintAsync($"warning: {channel.Channel} not planned: {channel.Reason}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
