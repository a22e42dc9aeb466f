using System.CommandLine;
using SglReference.Domain.Validation;
using SglReference.Mss.Sending;

namespace SglReference.Cli;

/// <summary>
/// sgl send-mss [EML...] --outbox DIR --host H --port P [--starttls|--implicit-tls] [--cert ... --ca ...]: puts the
/// messages in the durable outbox (once each, by Message-ID) and sends every pending message. Exit 0 when nothing is
/// left pending or failed; 1 otherwise (each message's state is printed); 2 when a file is not a message.
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
            var box = new MssOutbox(parse.GetValue(outbox)!.FullName);
            var now = DateTimeOffset.Now;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                try
                {
                    var item = box.Enqueue(await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false), now);
                    await context.Out.WriteLineAsync($"{item.MessageId}: {(item.Attempts == 0 && item.State == OutboxState.Pending ? "queued" : "already in the outbox (" + item.State.ToString().ToLowerInvariant() + ")")}").ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException or MimeKit.ParseException)
                {
                    throw new InvalidInputException([new ValidationError(file.Name, ex.Message, "SGL-MSS-MESSAGE")]);
                }
                catch (IOException ex)
                {
                    throw new UserException($"cannot read {file.FullName}: {ex.Message}", ex);
                }
            }

            // TLS is always on (MSSanté); --cert is the BAL applicative's certificate, --ca the operator's authorities.
            var certificate = tls.Read(parse, parse.GetValue(peerName), certificateRequired: false)!;
            var options = new SmtpOptions(parse.GetValue(host)!, parse.GetValue(port),
                parse.GetValue(implicitTls) ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls,
                certificate.Certificate, certificate.TrustedAuthorities, parse.GetValue(peerName),
                parse.GetValue(user), Environment.GetEnvironmentVariable("SGL_SMTP_PASSWORD"), TimeSpan.FromSeconds(parse.GetValue(timeout)),
                LogPatientData: parse.GetValue(showPatientData));
            var sender = new MssSmtpSender(options);
            var results = await box.DeliverAsync(sender.SendAsync, now, ignoreSchedule: true, cancellationToken).ConfigureAwait(false);
            foreach (var item in results)
            {
                var line = item.State switch
                {
                    OutboxState.Sent => $"{item.MessageId}: sent ({item.LastResult})",
                    OutboxState.Failed => $"{item.MessageId}: failed, not retried: {item.LastResult}",
                    _ => $"{item.MessageId}: still pending after attempt {item.Attempts}: {item.LastResult}",
                };
                await (item.State == OutboxState.Sent ? context.Out : context.Error).WriteLineAsync(line).ConfigureAwait(false);
            }

            var left = box.Items(OutboxState.Pending).Count;
            var failed = results.Count(r => r.State == OutboxState.Failed);
            if (left > 0)
            {
                await context.Error.WriteLineAsync($"sgl: {left} message(s) pending in {parse.GetValue(outbox)!.FullName}; run send-mss again to retry").ConfigureAwait(false);
            }

            return left == 0 && failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
