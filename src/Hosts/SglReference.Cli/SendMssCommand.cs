using System.CommandLine;
using SglReference.Channels;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Mss.Sending;
using SglReference.Transport;

namespace SglReference.Cli;

/// <summary>
/// sgl send-mss [EML...] --outbox DIR --host H --port P [--starttls|--implicit-tls] [--cert ... --ca ...]: puts the
/// messages in the durable outbox (once each, by Message-ID, with their document chain from the render manifest beside
/// them) and sends every pending message, in queue and chain order. Exit 0 when nothing is pending and failed/ is empty;
/// 1 otherwise — including every later run while failed/ holds a message — (each message's state is printed); 2 when a
/// file is not a message or an option breaks its rule.
/// </summary>
internal static class SendMssCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<FileInfo[]>("messages") { Description = "MSSanté messages (.eml written by sgl render); none: retry what is pending.", Arity = ArgumentArity.ZeroOrMore };
        var outbox = new Option<DirectoryInfo>("--outbox") { Description = "The durable outbox directory (pending/, sent/, failed/).", Required = true };
        var host = new Option<string>("--host") { Description = "The MSSanté operator's SMTP host.", Required = true };
        var port = new Option<int>("--port") { Description = "SMTP port (587 STARTTLS, 465 implicit TLS).", DefaultValueFactory = _ => 587 };
        var implicitTls = new Option<bool>("--implicit-tls") { Description = "TLS from the first byte instead of STARTTLS." };
        var peerName = new Option<string?>("--peer-name") { Description = "Name the server certificate must carry (default: --host)." };
        var user = new Option<string?>("--user") { Description = "SASL user, when the operator asks for one (password in $SGL_SMTP_PASSWORD)." };
        var showPatientData = new Option<bool>("--show-patient-data") { Description = "Print and keep patient mailboxes (INS@patient.mssante.fr) in results; they read [patient]@patient.mssante.fr otherwise." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds per SMTP command.", DefaultValueFactory = _ => 60 };
        var tls = new TlsArguments(tlsSwitch: false);
        var command = new Command("send-mss", "Queue MSSanté messages in a durable outbox and send what is pending over SMTP with TLS.");
        command.Arguments.Add(files);
        command.Options.Add(outbox);
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(implicitTls);
        command.Options.Add(peerName);
        command.Options.Add(user);
        command.Options.Add(timeout);
        command.Options.Add(showPatientData);
        tls.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Options and our certificate are checked before the outbox is touched.
            var portNumber = ArgumentRules.Whole(parse, port, 1, 65535);
            var commandTimeout = ArgumentRules.Seconds(parse, timeout, 600);
            var patientData = parse.GetValue(showPatientData);

            // TLS is always on (MSSanté); --cert is the BAL applicative's certificate, --ca the operator's authorities.
            var certificate = (await tls.ReadAsync(parse, parse.GetValue(peerName), certificateRequired: false, CertificateUse.Client, context).ConfigureAwait(false))!;
            var options = new SmtpOptions(parse.GetValue(host)!, portNumber,
                parse.GetValue(implicitTls) ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls,
                certificate.Certificate, certificate.TrustedAuthorities, parse.GetValue(peerName),
                parse.GetValue(user), Environment.GetEnvironmentVariable("SGL_SMTP_PASSWORD"), commandTimeout,
                LogPatientData: patientData);
            var sender = new MssSmtpSender(options);

            var outboxPath = parse.GetValue(outbox)!.FullName;
            var box = new MssOutbox(outboxPath);
            var now = DateTimeOffset.Now;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                byte[] eml;
                try
                {
                    eml = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UserException($"cannot read {file.FullName}: {ex.Message}", ex);
                }

                var (chain, sequence) = ChainOf(file);
                try
                {
                    var item = box.Enqueue(eml, now, chain, sequence);
                    await context.PrintAsync($"{item.MessageId}: {(item.Attempts == 0 && item.State == OutboxState.Pending ? "queued" : "already in the outbox (" + item.State.ToString().ToLowerInvariant() + ")")}").ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException or MimeKit.ParseException)
                {
                    throw new InvalidInputException([new ValidationError(file.Name, ex.Message, "SGL-MSS-MESSAGE")]);
                }

                if (chain is null)
                {
                    await context.WarnAsync($"{file.Name}: no {Manifest.FileName} beside it lists it: sent in queue order, without its document chain's order").ConfigureAwait(false);
                }
            }

            IReadOnlyList<OutboxItem> results;
            try
            {
                results = await box.DeliverAsync(sender.SendAsync, now, ignoreSchedule: true, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                throw new UserException(ex.Message, ex);
            }

            foreach (var item in results)
            {
                var duplicate = item.MayBeDuplicate ? " — sent again after an interrupted attempt: the recipient may receive it twice" : string.Empty;
                switch (item.State)
                {
                    case OutboxState.Sent:
                        await context.PrintAsync($"{item.MessageId}: sent ({item.LastResult}){duplicate}").ConfigureAwait(false);
                        break;
                    case OutboxState.Failed:
                        await context.ComplainAsync($"{item.MessageId}: failed, not retried: {item.LastResult}").ConfigureAwait(false);
                        break;
                    default:
                        await context.ComplainAsync($"{item.MessageId}: still pending after attempt {item.Attempts}: {item.LastResult}").ConfigureAwait(false);
                        break;
                }
            }

            var left = box.Items(OutboxState.Pending).Count;
            var failed = box.Items(OutboxState.Failed).Count;
            if (left > 0)
            {
                await context.ComplainAsync($"{left} message(s) pending in {outboxPath}; run send-mss again to retry").ConfigureAwait(false);
            }

            if (failed > 0)
            {
                await context.ComplainAsync($"{failed} message(s) in {Path.Combine(outboxPath, "failed")} were not delivered (the reason is in each .json); they stay there, and send-mss exits 1, until they are dealt with and removed").ConfigureAwait(false);
            }

            return left == 0 && failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>
    /// The document chain of a rendered .eml, from the manifest sgl render wrote beside it: the setId of the document
    /// it carries, and its sequence (2 × version, + 1 for a deletion). (null, null) when no manifest lists the file.
    /// </summary>
    private static (string? Chain, int? Sequence) ChainOf(FileInfo file)
    {
        var manifestPath = Path.Combine(file.DirectoryName ?? ".", Manifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return (null, null);
        }

        var (manifest, _) = Manifest.Read(File.ReadAllBytes(manifestPath), manifestPath);
        var entry = manifest?.Artifacts.FirstOrDefault(a => a.Kind == "mss-message" && string.Equals(a.Path, file.Name, StringComparison.Ordinal));
        if (entry is not { SetId: { } setId, Version: { } version, DocumentId: { } id })
        {
            return (null, null);
        }

        return (setId, ChainSequence.Of(new DocumentIdentity(id, setId, version), manifest!.Action ?? DocumentAction.Initial));
    }
}
