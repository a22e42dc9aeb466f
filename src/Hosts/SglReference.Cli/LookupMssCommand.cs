using System.CommandLine;
using SglReference.MailboxDirectory;
using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;
using SglReference.Hosting;

namespace SglReference.Cli;

/// <summary>
/// sgl lookup-mss --rpps N: the MSSanté mailbox the Annuaire Santé publishes for a professional. Found: the address
/// on stdout (then "also: …" for the other candidates), exit 0. None published, or the directory cannot answer: the
/// reason on stderr, exit 1. An RPPS that is not one: exit 2.
/// </summary>
internal static class LookupMssCommand
{
    public static Command Create(CommandContext context)
    {
        var rpps = new Option<string>("--rpps") { Description = "The professional's RPPS (11 digits).", Required = true };
        var config = CommonOptions.Config();
        var baseUrl = new Option<string?>("--base-url") { Description = "FHIR base of the Annuaire Santé (default: annuaire.baseUrl, else production)." };
        var type = new Option<string?>("--type") { Description = "Mailbox type in TRE_R257: PER (default), ORG or APP." };
        var command = new Command("lookup-mss", "Find a professional's MSSanté mailbox in the Annuaire Santé from the RPPS (API key in $ESANTE_API_KEY, or the variable annuaire.apiKeyVariable names).");
        command.Options.Add(rpps);
        command.Options.Add(config);
        command.Options.Add(baseUrl);
        command.Options.Add(type);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var number = parse.GetValue(rpps)!;
            if (Rpps.Check(number) is { } violation)
            {
                throw new InvalidInputException([new ValidationError("--rpps", violation.Message, violation.Code)]);
            }

            var options = CommonOptions.LoadConfiguration(parse.GetValue(config)).Annuaire ?? new AnnuaireOptions();
            if (parse.GetValue(baseUrl) is { } url)
            {
                options = options with { BaseUrl = url };
            }

            if (parse.GetValue(type) is { } mailboxType)
            {
                options = options with { MailboxType = mailboxType };
            }

            try
            {
                options.Validate();
            }
            catch (InvalidSettingException ex)
            {
                throw new ConfigurationException(ex.Message, ex);
            }

            using var http = new HttpClient();
            var lookup = await MailboxDirectories.Create(options, http).FindAsync(number, cancellationToken).ConfigureAwait(false);
            switch (lookup.Outcome)
            {
                case MailboxLookupOutcome.Found:
                    await context.PrintAsync(lookup.Address ?? string.Empty).ConfigureAwait(false);
                    foreach (var other in lookup.Candidates.Skip(1))
                    {
                        await context.PrintAsync($"also: {other.Address} ({other.Source})").ConfigureAwait(false);
                    }

                    return ExitCodes.Ok;
                case MailboxLookupOutcome.NotFound:
                    throw new UserException($"no MSSanté mailbox for RPPS {number}: {lookup.Detail}");
                default:
                    throw new UserException($"Annuaire Santé lookup for RPPS {number} failed: {lookup.Detail}");
            }
        });
        return command;
    }
}
