using System.CommandLine;
using System.Diagnostics;

namespace SglReference.Cli;

/// <summary>
/// sgl validate PATH...: runs the official ANS CDA kit (validate.sh: XSD, structuration minimale, volet CR-BIO, IHE and
/// CI-SIS schematrons) on rendered documents — every N3 with the crbio-n3 profile and every N1 with the n1 profile.
/// A directory is read through its manifest.json. Exit 0 when every document has 0 errors, 1 otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Render output directories (with manifest.json) or CDA files.", Arity = ArgumentArity.OneOrMore };
        var kit = new Option<DirectoryInfo?>("--kit") { Description = "The ANS CDA kit folder (holding validate.sh); default $SGL_CDA_KIT, else ../shared/ans-cda-kit above the current directory." };
        var command = new Command("validate", "Validate rendered CDA documents with the official ANS kit.");
        command.Arguments.Add(paths);
        command.Options.Add(kit);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var script = FindKit(parse.GetValue(kit));
            var n3 = new List<string>();
            var n1 = new List<string>();
            foreach (var path in parse.GetValue(paths)!)
            {
                Classify(path, n3, n1);
            }

            if (n3.Count + n1.Count == 0)
            {
                throw new UserException("no CDA document to validate");
            }

            var ok = true;
            if (n3.Count > 0)
            {
                ok &= await RunAsync(script, n3, "crbio-n3", context, cancellationToken).ConfigureAwait(false);
            }

            if (n1.Count > 0)
            {
                ok &= await RunAsync(script, n1, "n1", context, cancellationToken).ConfigureAwait(false);
            }

            return ok ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static void Classify(string path, List<string> n3, List<string> n1)
    {
        if (Directory.Exists(path))
        {
            var manifestPath = Path.Combine(path, Manifest.FileName);
            if (!File.Exists(manifestPath))
            {
                throw new UserException($"{path} has no {Manifest.FileName}");
            }

            var (manifest, errors) = Manifest.Read(File.ReadAllBytes(manifestPath), manifestPath);
            if (manifest is null)
            {
                throw new InvalidInputException(errors);
            }

            foreach (var artifact in manifest.Artifacts)
            {
                if (artifact.Kind == "cda-n3")
                {
                    n3.Add(Path.Combine(path, artifact.Path));
                }
                else if (artifact.Kind == "cda-n1")
                {
                    n1.Add(Path.Combine(path, artifact.Path));
                }
            }

            return;
        }

        if (!File.Exists(path))
        {
            throw new UserException($"no such file or directory: {path}");
        }

        // An N1 declares the IHE XDS-SD template; everything else is taken as an N3.
        using var reader = new StreamReader(path);
        var head = new char[8192];
        var read = reader.Read(head, 0, head.Length);
        (new string(head, 0, read).Contains("1.3.6.1.4.1.19376.1.2.20", StringComparison.Ordinal) ? n1 : n3).Add(path);
    }

    private static string FindKit(DirectoryInfo? option)
    {
        var candidates = new List<string>();
        if (option is not null)
        {
            candidates.Add(option.FullName);
        }
        else
        {
            if (Environment.GetEnvironmentVariable("SGL_CDA_KIT") is { Length: > 0 } env)
            {
                candidates.Add(env);
            }

            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    candidates.Add(Path.Combine(dir.FullName, "..", "shared", "ans-cda-kit"));
                }
            }
        }

        foreach (var candidate in candidates)
        {
            var script = Path.Combine(candidate, "validate.sh");
            if (File.Exists(script))
            {
                return Path.GetFullPath(script);
            }
        }

        throw new UserException("the ANS CDA kit (validate.sh) was not found: pass --kit or set SGL_CDA_KIT");
    }

    private static async Task<bool> RunAsync(string script, List<string> files, string profile, CommandContext context, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.ArgumentList.Add(profile);
        using var process = Process.Start(start) ?? throw new UserException("cannot start " + script);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await context.Out.WriteAsync(await stdout.ConfigureAwait(false)).ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode == 2)
        {
            throw new UserException("the ANS kit cannot run: " + errors.Trim());
        }

        return process.ExitCode == 0;
    }
}
