using System.CommandLine;
using SglReference.Domain.Validation;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Mllp;
using SglReference.Transport;
using SglReference.Hl7v2.Oru;

namespace SglReference.Cli;

/// <summary>
/// sgl send-hl7 FILE --host H --port P [--tls --cert ... --ca ...]: sends one ORU over MLLP and reports the outcome.
/// Exit 0 when acknowledged AA; 1 when refused (AE, not retried) or failed after every retry (AR, timeout, connection);
/// 2 when the file is not an ORU.
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
            var path = parse.GetValue(file)!.FullName;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
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

            var options = new MllpClientOptions(
                parse.GetValue(host)!,
                parse.GetValue(port),
                tls.Read(parse, parse.GetValue(peerName), certificateRequired: true),
                TimeSpan.FromSeconds(parse.GetValue(connectTimeout)),
                TimeSpan.FromSeconds(parse.GetValue(ackTimeout)),
                parse.GetValue(attempts),
                TimeSpan.FromSeconds(parse.GetValue(backoff)),
                TimeSpan.FromMinutes(5));
            var outcome = await new MllpClient(options).SendAsync(bytes, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(journal) is { } dir)
            {
                new SentMessageJournal(dir.FullName).RecordSent(summary, outcome.Status.ToString(), DateTimeOffset.Now);
            }

            var writer = outcome.Status == SendStatus.Delivered ? context.Out : context.Error;
            await writer.WriteLineAsync((outcome.Status == SendStatus.Delivered ? string.Empty : "sgl: ") + outcome.Describe()).ConfigureAwait(false);
            return outcome.Status == SendStatus.Delivered ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
