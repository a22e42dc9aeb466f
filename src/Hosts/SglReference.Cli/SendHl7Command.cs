using System.CommandLine;
using SglReference.Domain.Validation;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Mllp;
using SglReference.Transport;
using SglReference.Hl7v2.Oru;

namespace SglReference.Cli;

/// <summary>
/// sgl send-hl7 FILE --host H --port P [--tls --cert ... --ca ...]: sends one ORU over MLLP and reports the outcome.
/// Exit 0 when acknowledged AA (only an original-mode ACK of this very message counts); 1 when refused (AE, not retried),
/// failed after every retry (AR, timeout, connection) or ended by what no retry heals (TLS, our certificate, an answer
/// that is not an ACK of the message); 2 when the file is not an ORU or an option breaks its rule.
/// </summary>
internal static class SendHl7Command
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The ORU message (as written by sgl render)." };
        var host = new Option<string>("--host") { Description = "The PFI's host.", Required = true };
        var port = new Option<int>("--port") { Description = "The PFI's MLLP port.", Required = true };
        var peerName = new Option<string?>("--peer-name") { Description = "Name the server certificate must carry (default: --host)." };
        var connectTimeout = new Option<double>("--connect-timeout") { Description = "Seconds to connect and authenticate.", DefaultValueFactory = _ => 10 };
        var ackTimeout = new Option<double>("--ack-timeout") { Description = "Seconds to wait for the acknowledgement.", DefaultValueFactory = _ => 60 };
        var attempts = new Option<int>("--attempts") { Description = "Attempts in all for AR, timeouts and connection failures.", DefaultValueFactory = _ => 5 };
        var backoff = new Option<double>("--backoff") { Description = "Seconds before the second attempt, doubled each time (at most 300).", DefaultValueFactory = _ => 2 };
        var journal = new Option<DirectoryInfo?>("--journal") { Description = "Directory remembering sent messages, for listen-hl7 to correlate business acknowledgements." };
        var tls = new TlsArguments();
        var command = new Command("send-hl7", "Send an HL7 v2 ORU to a PFI over MLLP (TLS with client certificate) and wait for its acknowledgement.");
        command.Arguments.Add(file);
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(peerName);
        command.Options.Add(connectTimeout);
        command.Options.Add(ackTimeout);
        command.Options.Add(attempts);
        command.Options.Add(backoff);
        command.Options.Add(journal);
        tls.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Every option is checked before anything is read or sent.
            var portNumber = ArgumentRules.Whole(parse, port, 1, 65535);
            var connect = ArgumentRules.Seconds(parse, connectTimeout, 600);
            var ack = ArgumentRules.Seconds(parse, ackTimeout, 3600);
            var tries = ArgumentRules.Whole(parse, attempts, 1, 100);
            var wait = ArgumentRules.Seconds(parse, backoff, 300, allowZero: true);
            var path = parse.GetValue(file)!.FullName;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserException($"cannot read {path}: {ex.Message}", ex);
            }

            OruSummary summary;
            try
            {
                summary = OruSummary.Read(Hl7Parser.Parse(bytes));
            }
            catch (Exception ex) when (ex is Hl7ParseException or InvalidOperationException)
            {
                throw new InvalidInputException([new ValidationError("$", ex.Message, "SGL-HL7-PARSE")]);
            }

            var tlsOptions = await tls.ReadAsync(parse, parse.GetValue(peerName), certificateRequired: true, CertificateUse.Client, context).ConfigureAwait(false);
            var options = new MllpClientOptions(parse.GetValue(host)!, portNumber, tlsOptions, connect, ack, tries, wait, TimeSpan.FromMinutes(5));

            // The journal names the message before it leaves, so that a business acknowledgement always finds it and a
            // journal that cannot be written stops the send before anything is sent.
            SentMessageJournal? store = null;
            try
            {
                store = parse.GetValue(journal) is { } dir ? new SentMessageJournal(dir.FullName) : null;
                store?.RecordSending(summary, DateTimeOffset.Now);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserException($"--journal: cannot record the message before sending it, so it was not sent: {ex.Message}", ex);
            }

            var outcome = await new MllpClient(options).SendAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == SendStatus.Delivered)
            {
                await context.PrintAsync(outcome.Describe()).ConfigureAwait(false);
            }
            else
            {
                await context.ComplainAsync(outcome.Describe()).ConfigureAwait(false);
            }

            try
            {
                store?.RecordSent(summary, outcome.Status.ToString(), DateTimeOffset.Now);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The outcome stands (an AA is a delivery: exiting 1 would invite sending it again); the journal keeps "Sending".
                await context.WarnAsync($"--journal: the outcome could not be recorded ({ex.Message}); the journal still says \"Sending\"").ConfigureAwait(false);
            }

            return outcome.Status == SendStatus.Delivered ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
