using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using SglReference.Domain.Validation;
using SglReference.Input;

namespace SglReference.Cli;

/// <summary>
/// sgl render with several inputs: every report read and rendered in one process with bounded parallelism. Reports
/// of one report id are rendered in input order (a correction after what it corrects); different reports in parallel.
/// Each report is written all or nothing into OUT/&lt;reportId&gt;-&lt;revision&gt;/; a refused report does not stop the
/// others. Exit 0 when every report was rendered, 2 when some input was refused (each reason printed), 1 otherwise.
/// </summary>
internal static class BatchRender
{
    /// <summary>One report to render, with where it came from (a file, a folder entry, a line of stdin).</summary>
    private sealed record Input(string Source, Func<ReadOnlyMemory<byte>> Bytes);

    private sealed record Refusal(string Source, string Reason);

    public static async Task<int> RunAsync(CommandContext context, RenderJob job, IReadOnlyList<string> sources, string outDir, int degree, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var inputs = await ExpandAsync(sources, cancellationToken).ConfigureAwait(false);
        var refusals = new ConcurrentBag<Refusal>();
        var warnings = new ConcurrentBag<string>();
        var rendered = 0;

        // Read every input first (cheap) so that reports of one id can be ordered; render groups in parallel.
        var read = new (Input Input, ReportReadResultOrError Result)[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, i =>
        {
            read[i] = (inputs[i], Read(job, inputs[i]));
        });
        var groups = new Dictionary<string, List<(Input Input, Domain.LabReport Report)>>(StringComparer.Ordinal);
        foreach (var (input, result) in read)
        {
            if (result.Report is { } report)
            {
                if (!groups.TryGetValue(report.ReportId, out var group))
                {
                    groups[report.ReportId] = group = [];
                }

                group.Add((input, report));
            }
            else
            {
                refusals.Add(new Refusal(input.Source, result.Error!));
            }
        }

        async Task RenderGroups(Action? advance)
        {
            await Parallel.ForEachAsync(groups.Values, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, async (group, token) =>
            {
                foreach (var (input, read) in group)
                {
                    try
                    {
                        var (report, notes) = await job.FillMailboxesAsync(read, token).ConfigureAwait(false);
                        foreach (var note in notes)
                        {
                            warnings.Add($"{input.Source}: {note}");
                        }

                        var directory = Path.Combine(outDir, SafeFileName.For(report.ReportId) + "-" + report.Revision.ToString(CultureInfo.InvariantCulture));
                        var written = job.Render(report, directory);
                        foreach (var warning in written.Warnings)
                        {
                            warnings.Add($"{input.Source}: {warning}");
                        }

                        Interlocked.Increment(ref rendered);
                    }
                    catch (InvalidInputException ex)
                    {
                        refusals.Add(new Refusal(input.Source, string.Join("; ", ex.Errors.Select(e => e.ToString()))));
                    }
                    catch (UserException ex)
                    {
                        refusals.Add(new Refusal(input.Source, ex.Message));
                    }

                    advance?.Invoke();
                }
            }).ConfigureAwait(false);
        }

        var total = groups.Values.Sum(g => g.Count);
        if (ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("rendering", maxValue: Math.Max(1, total));
                await RenderGroups(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await RenderGroups(null).ConfigureAwait(false);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var warning in warnings.Order(StringComparer.Ordinal))
        {
            await context.PrintAsync(warning).ConfigureAwait(false);
        }

        var rate = seconds > 0 ? rendered / seconds : 0;
        await context.PrintAsync(string.Create(CultureInfo.InvariantCulture,
            $"rendered {rendered} report(s), refused {refusals.Count}, in {seconds:0.0} s ({rate:0.0} reports/s) into {outDir}")).ConfigureAwait(false);
        foreach (var refusal in refusals.OrderBy(r => r.Source, StringComparer.Ordinal))
        {
            await context.Error.WriteLineAsync(SettingRules.Printable($"{refusal.Source}: {refusal.Reason}")).ConfigureAwait(false);
        }

        return refusals.IsEmpty ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private sealed record ReportReadResultOrError(Domain.LabReport? Report, string? Error);

    private static ReportReadResultOrError Read(RenderJob job, Input input)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = input.Bytes();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, "cannot read: " + ex.Message);
        }

        if (bytes.Length > InputLimits.Default.MaxBytes)
        {
            return new(null, new ValidationError("$", $"input has {bytes.Length} bytes, more than the limit of {InputLimits.Default.MaxBytes}", ErrorCodes.InputSize).ToString());
        }

        var result = job.Engine.Read(bytes.Span, job.Format);
        return result.IsValid ? new(result.Report, null) : new(null, string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    /// <summary>Files as they are, folders as their *.json files (sorted), "-" as the lines of stdin.</summary>
    private static async Task<List<Input>> ExpandAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var inputs = new List<Input>();
        foreach (var source in sources)
        {
            if (source == "-")
            {
                using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: false));
                var line = 0;
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
                {
                    line++;
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var bytes = Encoding.UTF8.GetBytes(text);
                    inputs.Add(new Input($"stdin:{line}", () => bytes));
                }
            }
            else if (Directory.Exists(source))
            {
                foreach (var file in Directory.GetFiles(source, "*.json").Order(StringComparer.Ordinal))
                {
                    inputs.Add(new Input(file, () => File.ReadAllBytes(file)));
                }
            }
            else if (File.Exists(source))
            {
                inputs.Add(new Input(source, () => File.ReadAllBytes(source)));
            }
            else
            {
                throw new UserException($"input file not found: {source}");
            }
        }

        return inputs;
    }
}
