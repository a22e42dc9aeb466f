using System.CommandLine;
using SglReference.Channels;
using SglReference.Dmp.Sending;
using SglReference.Dmp.Soap;
using SglReference.Domain.Validation;
using SglReference.Hosting;

namespace SglReference.Cli;

/// <summary>
/// sgl send-dmp REQUEST --config FILE [--endpoint URL] [--cert ... --ca ...] [an ITI-57 operation]: sends a request
/// written by sgl render (dmp-iti41: publication or replacement; dmp-iti57: deletion), or applies an ITI-57 operation
/// to the documents of a dmp-iti41 request sent earlier. Exit 0 when the DMP accepted it; 1 when it refused it or
/// after every retry; 2 when the file is not a DMP request.
/// </summary>
internal static class SendDmpCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<FileInfo>("request") { Description = "The DMP request written by sgl render (*.dmp-iti41.http or *.dmp-iti57.http)." };
        var config = CommonOptions.Config();
        config.Required = true;
        config.Description = "Configuration file with the \"dmp\" section (endpoint, signature certificates, LPS identity).";
        var endpoint = new Option<Uri?>("--endpoint") { Description = "The DMP services base URL (default: dmp.endpoint)." };
        var attempts = new Option<int?>("--attempts") { Description = "Attempts in all for transient failures (default: dmp.attempts)." };
        var backoff = new Option<double?>("--backoff") { Description = "Seconds before the second attempt, doubled each time (default: dmp.backoffSeconds)." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds per exchange (default: dmp.timeoutSeconds)." };
        var hidePatient = new Option<bool>("--hide-from-patient") { Description = "ITI-57: set INVISIBLE_PATIENT (until the announcement consultation)." };
        var showPatient = new Option<bool>("--show-to-patient") { Description = "ITI-57: remove INVISIBLE_PATIENT." };
        var mask = new Option<bool>("--mask-to-professionals") { Description = "ITI-57: set MASQUE_PS." };
        var unmask = new Option<bool>("--unmask-to-professionals") { Description = "ITI-57: remove MASQUE_PS." };
        var hideLegal = new Option<bool>("--hide-from-legal-representatives") { Description = "ITI-57: set INVISIBLE_REPRESENTANTS_LEGAUX." };
        var showLegal = new Option<bool>("--show-to-legal-representatives") { Description = "ITI-57: remove INVISIBLE_REPRESENTANTS_LEGAUX." };
        var archive = new Option<bool>("--archive") { Description = "ITI-57: archive the documents." };
        var unarchive = new Option<bool>("--unarchive") { Description = "ITI-57: bring archived documents back (Approved)." };
        var delete = new Option<bool>("--delete") { Description = "ITI-57: delete the documents from the DMP." };
        var tls = new TlsArguments(tlsSwitch: false);
        var command = new Command("send-dmp", "Send a DMP request (ITI-41, ITI-57) over HTTPS with the structure's certificates, or change the visibility or status of documents already sent.");
        command.Arguments.Add(file);
        command.Options.Add(config);
        command.Options.Add(endpoint);
        command.Options.Add(attempts);
        command.Options.Add(backoff);
        command.Options.Add(timeout);
        foreach (var o in new[] { hidePatient, showPatient, mask, unmask, hideLegal, showLegal, archive, unarchive, delete })
        {
            command.Options.Add(o);
        }

        tls.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            DmpHttpRequest request;
            try
            {
                request = DmpHttpRequest.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (IOException ex)
            {
                throw new UserException($"cannot read {path}: {ex.Message}", ex);
            }
            catch (FormatException ex)
            {
                throw new InvalidInputException([new ValidationError("$", ex.Message, "SGL-DMP-REQUEST")]);
            }

            bool? Pair(Option<bool> on, Option<bool> off) => parse.GetValue(on) && parse.GetValue(off)
                ? throw new UserException($"{on.Name} and {off.Name} are exclusive")
                : parse.GetValue(on) ? true : parse.GetValue(off) ? false : null;
            var visibility = new VisibilityChange(Pair(mask, unmask), Pair(hidePatient, showPatient), Pair(hideLegal, showLegal));
            var statuses = new[] { (archive, DmpNamespaces.Archived), (unarchive, DmpNamespaces.Approved), (delete, DmpNamespaces.Deleted) }
                .Where(s => parse.GetValue(s.Item1)).Select(s => s.Item2).ToList();
            var changesVisibility = visibility != new VisibilityChange();
            if (statuses.Count > 1 || (statuses.Count == 1 && changesVisibility))
            {
                throw new UserException("give one operation: a visibility change, or one of --archive, --unarchive, --delete");
            }

            var configuration = CommonOptions.LoadConfiguration(parse.GetValue(config));
            var dmp = configuration.Dmp ?? throw new UserException("the configuration has no \"dmp\" section");
            Dmp.DmpOptions options;
            try
            {
                options = dmp.Load();
            }
            catch (InvalidOperationException ex)
            {
                throw new UserException("dmp: " + ex.Message, ex);
            }
            catch (InvalidSettingException ex)
            {
                throw new ConfigurationException(ex.Message, ex);
            }

            var overrides = (await tls.ReadAsync(parse, null, certificateRequired: false, Transport.CertificateUse.Client, context).ConfigureAwait(false))!;
            options = options with
            {
                Endpoint = parse.GetValue(endpoint) ?? options.Endpoint,
                AuthenticationCertificate = overrides.Certificate ?? options.AuthenticationCertificate,
                TrustedAuthorities = overrides.TrustedAuthorities.Count > 0 ? overrides.TrustedAuthorities : options.TrustedAuthorities,
                Attempts = ArgumentRules.Whole(parse, attempts, 1, 100) ?? options.Attempts,
                Backoff = ArgumentRules.Seconds(parse, backoff, 300, allowZero: true) ?? options.Backoff,
                Timeout = ArgumentRules.Seconds(parse, timeout, 600) ?? options.Timeout,
            };
            if (options.AuthenticationCertificate is null)
            {
                throw new UserException("the DMP needs the structure's authentication certificate: --cert or dmp.authenticationCertificate");
            }

            if (overrides.Certificate is null)
            {
                // --cert was checked when read; the configuration's certificate is checked here, before connecting.
                await TlsArguments.CheckOursAsync(options.AuthenticationCertificate, Transport.CertificateUse.Client, "dmp.authenticationCertificate", context).ConfigureAwait(false);
            }

            DeliveryOutcome outcome;
            try
            {
                using var client = new DmpClient(options);
                outcome = statuses.Count == 1
                    ? await client.ChangeStatusAsync(request, statuses[0], cancellationToken).ConfigureAwait(false)
                    : changesVisibility
                        ? await client.ChangeVisibilityAsync(request, visibility, cancellationToken).ConfigureAwait(false)
                        : await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidSettingException ex)
            {
                throw new ConfigurationException(ex.Message, ex);
            }

            var line = outcome.Status switch
            {
                DeliveryStatus.Delivered => $"delivered: {outcome.Detail}",
                DeliveryStatus.Transient => $"sgl: not delivered, a later retry may succeed [{outcome.Code}]: {outcome.Detail}",
                _ => $"sgl: refused, not retried [{outcome.Code}]: {outcome.Detail}",
            };
            await (outcome.Status == DeliveryStatus.Delivered ? context.Out : context.Error).WriteLineAsync(SettingRules.Printable(line)).ConfigureAwait(false);
            return outcome.Status == DeliveryStatus.Delivered ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
