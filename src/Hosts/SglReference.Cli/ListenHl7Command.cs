using System.CommandLine;
using System.Net;
using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;
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
        var maxConnections = new Option<int>("--max-connections") { Description = "Connections served at once; more are closed when accepted.", DefaultValueFactory = _ => 16 };
        var maxMessageBytes = new Option<int>("--max-message-bytes") { Description = "Largest message accepted (a ZAM is a few hundred bytes); a larger frame closes its connection.", DefaultValueFactory = _ => 1024 * 1024 };
        var idleTimeout = new Option<double>("--idle-timeout") { Description = "Seconds after which a silent connection is closed.", DefaultValueFactory = _ => 300 };
        var tls = new TlsArguments();
        var command = new Command("listen-hl7", "Receive ZAM business acknowledgements from the PFI over MLLP and acknowledge them.");
        command.Options.Add(port);
        command.Options.Add(bind);
        command.Options.Add(count);
        command.Options.Add(duration);
        command.Options.Add(journal);
        command.Options.Add(showPatientData);
        command.Options.Add(maxConnections);
        command.Options.Add(maxMessageBytes);
        command.Options.Add(idleTimeout);
        tls.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portNumber = ArgumentRules.Whole(parse, port, 0, 65535);
            var limit = ArgumentRules.Whole(parse, count, 1, int.MaxValue);
            var stopAfter = ArgumentRules.Seconds(parse, duration, 10L * 366 * 24 * 3600);
            var connections = ArgumentRules.Whole(parse, maxConnections, 1, 10_000);
            var frameBytes = ArgumentRules.Whole(parse, maxMessageBytes, 1024, Hl7v2.Codec.Hl7Parser.MaxBytes);
            var idle = ArgumentRules.Seconds(parse, idleTimeout, 24 * 3600);
            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                throw new InvalidSettingException("--bind", $"\"{parse.GetValue(bind)}\" is not an IP address");
            }

            var patientData = parse.GetValue(showPatientData);
            var tlsOptions = await tls.ReadAsync(parse, null, certificateRequired: true, CertificateUse.Server, context).ConfigureAwait(false);
            var store = parse.GetValue(journal) is { } dir ? new SentMessageJournal(dir.FullName, patientData) : null;
            var received = 0;
            var done = new TaskCompletionSource();
            var output = TextWriter.Synchronized(context.Out);
            var receiver = new BusinessAckReceiver((incoming, _) =>
            {
                // A Z02/Z03 names the mailbox that received or read the mail: the patient's is their INS.
                var ack = patientData ? incoming : Redacted(incoming);
                store?.RecordAcknowledgement(ack, DateTimeOffset.Now);
                var line = Describe(ack, store?.DocumentsOf(ack.CorrelationId));
                output.WriteLine(SettingRules.Printable(patientData ? line : MssanteAddress.RedactPatientMailboxes(line)));
                if (Interlocked.Increment(ref received) == limit)
                {
                    done.TrySetResult();
                }

                return ValueTask.CompletedTask;
            });
            var options = new MllpListenerOptions(new IPEndPoint(address, portNumber), tlsOptions, tlsOptions is not null, idle, connections, frameBytes);
            MllpListener listener;
            try
            {
                listener = MllpListener.Start(options, receiver);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new UserException($"cannot listen on {address}:{portNumber}: {ex.Message}", ex);
            }
            catch (InvalidSettingException ex) when (ex.Setting == "mllp.listener.maxConnections")
            {
                throw new InvalidSettingException("--max-connections", ex.Rule);
            }

            await using var stopListener = listener.ConfigureAwait(false);
            await output.WriteLineAsync($"listening on {address}:{listener.Port}{(tlsOptions is null ? string.Empty : " (TLS, client certificates required)")}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (stopAfter is { } seconds)
            {
                stop.CancelAfter(seconds);
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

    /// <summary>
    /// The acknowledgement without patient data: patient mailboxes read [patient]@patient.mssante.fr, and the INS of the
    /// patient mailbox it names is redacted wherever the error text repeats it alone.
    /// </summary>
    private static BusinessAcknowledgement Redacted(BusinessAcknowledgement ack)
    {
        var at = ack.Recipient?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        var ins = at > 0 && ack.Recipient![(at + 1)..].Equals(MssanteAddress.PatientDomain, StringComparison.OrdinalIgnoreCase) ? ack.Recipient[..at] : null;
        string R(string text)
        {
            var redacted = MssanteAddress.RedactPatientMailboxes(text);
            return ins is { Length: >= 4 } ? redacted.Replace(ins, "[patient]", StringComparison.OrdinalIgnoreCase) : redacted;
        }

        return ack with
        {
            Recipient = ack.Recipient is null ? null : R(ack.Recipient),
            Error = ack.Error is { } e ? e with { Location = R(e.Location), ConditionText = R(e.ConditionText), ApplicationCode = R(e.ApplicationCode), ApplicationText = R(e.ApplicationText) } : null,
        };
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
