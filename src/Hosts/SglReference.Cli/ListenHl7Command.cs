using System.CommandLine;
using System.Net;
using SglReference.Domain.Identifiers;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Mllp;
using SglReference.Transport;

namespace SglReference.Cli;

/// <summary>
/// sgl listen-hl7 --port P [--tls --cert ... --ca ...] [--journal DIR] [--count N]: receives the PFI's business
/// acknowledgements (ZAM^Z01/Z02/Z03), answers ACK^Z0n^ACK, prints one line per acknowledgement and, with --journal,
/// records it next to the message it acknowledges.
/// </summary>
internal static class ListenHl7Command
{
    public static Command Create(CommandContext context)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port, printed at start).", Required = true };
        var bind = new Option<string>("--bind") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var count = new Option<int?>("--count") { Description = "Stop after this many business acknowledgements." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds." };
        var showPatientData = new Option<bool>("--show-patient-data") { Description = "Print and record patient mailboxes (INS@patient.mssante.fr) named by acknowledgements; they read [patient]@patient.mssante.fr otherwise." };
        var journal = new Option<DirectoryInfo?>("--journal") { Description = "Directory of sent messages (send-hl7 --journal) where acknowledgements are recorded." };
        var tls = new TlsArguments();
        var command = new Command("listen-hl7", "Receive ZAM business acknowledgements from the PFI over MLLP and acknowledge them.");
        command.Options.Add(port);
        command.Options.Add(bind);
        command.Options.Add(count);
        command.Options.Add(duration);
        command.Options.Add(journal);
        command.Options.Add(showPatientData);
        tls.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                throw new UserException($"--bind: \"{parse.GetValue(bind)}\" is not an IP address");
            }

            var tlsOptions = tls.Read(parse, null, certificateRequired: true);
            var store = parse.GetValue(journal) is { } dir ? new SentMessageJournal(dir.FullName) : null;
            var limit = parse.GetValue(count);
            var received = 0;
            var done = new TaskCompletionSource();
            var output = TextWriter.Synchronized(context.Out);
            var patientData = parse.GetValue(showPatientData);
            var receiver = new BusinessAckReceiver((incoming, _) =>
            {
                // A Z02/Z03 names the mailbox that received or read the mail: the patient's is their INS.
                var ack = patientData || incoming.Recipient is null ? incoming : incoming with { Recipient = MssanteAddress.RedactPatientMailboxes(incoming.Recipient) };
                store?.RecordAcknowledgement(ack, DateTimeOffset.Now);
                output.WriteLine(Describe(ack, store?.DocumentsOf(ack.CorrelationId)));
                if (Interlocked.Increment(ref received) == limit)
                {
                    done.TrySetResult();
                }

                return ValueTask.CompletedTask;
            });
            var options = new MllpListenerOptions(new IPEndPoint(address, parse.GetValue(port)), tlsOptions, tlsOptions is not null, TimeSpan.FromMinutes(5));
            var listener = MllpListener.Start(options, receiver);
            await using var stopListener = listener.ConfigureAwait(false);
            await output.WriteLineAsync($"listening on {address}:{listener.Port}{(tlsOptions is null ? string.Empty : " (TLS, client certificates required)")}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(duration) is { } seconds)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            try
            {
                await done.Task.WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // --duration elapsed.
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(BusinessAcknowledgement ack, IReadOnlyList<string>? documents)
    {
        var what = ack.Kind switch
        {
            BusinessAckKind.DmpReception => "Z01 DMP reception",
            BusinessAckKind.MssReception => "Z02 MSSanté delivery",
            _ => "Z03 MSSanté read",
        };
        var of = documents is null ? $"message {ack.CorrelationId} (not in the journal)" : $"message {ack.CorrelationId} (documents {string.Join(", ", documents)})";
        var result = ack.Success ? "success" : "failure" + (ack.Error is { } e ? ": " + e : string.Empty);
        var recipient = ack.Recipient is null ? string.Empty : " [" + ack.Recipient + "]";
        return $"{what} of {of}: {result}{recipient}";
    }
}
