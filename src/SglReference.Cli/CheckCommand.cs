using System.CommandLine;

namespace SglReference.Cli;

/// <summary>sgl check INPUT: validates a report and prints a one-line summary.</summary>
internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var command = new Command("check", "Validate a report (JSON contract or FHIR Bundle); exit 2 with every error when invalid.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = InputLoader.Load(parse.GetValue(input)!.FullName, parse.GetValue(format));
            if (!result.IsValid)
            {
                throw new InvalidInputException(result.Errors);
            }

            var report = result.Report!;
            var results = report.AllObservations().Count();
            await context.Out.WriteLineAsync(
                $"valid: report {report.ReportId} revision {report.Revision}, {report.Chapters.Count} chapter(s), {results} result(s)").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
