using System.CommandLine;
using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>The sgl command line: parsing, dispatch, and the exit-code contract (0 ok, 2 invalid input, 1 else).</summary>
internal static class SglApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces of unexpected failures.", Recursive = true };
        var root = new RootCommand("sgl — SglReference: check, render and deliver CR-Bio (compte rendu d'examens de biologie médicale).");
        root.Options.Add(verbose);
        var context = new CommandContext(stdout, stderr);
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(RenderCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(SendHl7Command.Create(context));
        root.Subcommands.Add(ListenHl7Command.Create(context));
        root.Subcommands.Add(SendMssCommand.Create(context));
        root.Subcommands.Add(LookupMssCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(SendDmpCommand.Create(context));

        var parse = root.Parse(args);
        // SIGTERM/Ctrl+C cancel the command's token; sgl serve then needs its shutdown timeout to finish renders and sends.
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException ex)
        {
            // ValidationError.ToString escapes control characters and never leaves the path empty.
            foreach (var error in ex.Errors)
            {
                await stderr.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }
        catch (SglReference.Hosting.ConfigurationException ex)
        {
            // A setting that breaks its rule is bad input: exit 2, the setting named; a missing font or licence file is 1.
            await stderr.WriteLineAsync("sgl: " + SettingRules.Printable(ex.Message)).ConfigureAwait(false);
            return ex.IsInvalidSetting ? ExitCodes.InvalidInput : ExitCodes.Failure;
        }
        catch (InvalidSettingException ex)
        {
            // An option value that breaks its rule (--backoff -5, --port 70000): bad input, exit 2, the option named.
            await stderr.WriteLineAsync("sgl: " + SettingRules.Printable(ex.Message)).ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        catch (UserException ex)
        {
            await stderr.WriteLineAsync("sgl: " + SettingRules.Printable(ex.Message)).ConfigureAwait(false);
            if (parse.GetValue(verbose) && ex.InnerException is { } inner)
            {
                await stderr.WriteLineAsync(inner.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("sgl: cancelled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // the contract is one line on stderr and exit 1, whatever failed
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"sgl: unexpected {ex.GetType().Name}: {SettingRules.Printable(FirstLine(ex.Message))}").ConfigureAwait(false);
            if (parse.GetValue(verbose))
            {
                await stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Failure;
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

/// <summary>Where commands print: every line with its control characters escaped (text from peers and inputs cannot forge a line or drive the terminal).</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error)
{
    /// <summary>One line on stdout.</summary>
    public Task PrintAsync(string line) => Out.WriteLineAsync(SettingRules.Printable(line));

    /// <summary>One line on stderr, "sgl: " first.</summary>
    public Task ComplainAsync(string line) => Error.WriteLineAsync("sgl: " + SettingRules.Printable(line));

    /// <summary>A warning on stderr.</summary>
    public Task WarnAsync(string line) => Error.WriteLineAsync("sgl: warning: " + SettingRules.Printable(line));
}

/// <summary>Thrown by commands when the input is invalid; carries every error.</summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<ValidationError> errors)
        : base($"{errors.Count} input error(s)")
    {
        Errors = errors;
    }

    public InvalidInputException()
    {
        Errors = [];
    }

    public InvalidInputException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InvalidInputException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [];
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
