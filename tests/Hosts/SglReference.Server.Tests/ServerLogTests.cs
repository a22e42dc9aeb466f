using Microsoft.Extensions.Logging;

namespace SglReference.Server.Tests;

/// <summary>What the service's refusal logs say: codes and escaped paths, never the messages that may quote the report.</summary>
public sealed class ServerLogTests
{
    [Fact]
    public void A_render_refusal_logs_its_code_and_path_and_not_the_message()
    {
        var logger = new CollectingLogger();

        ServerLog.RenderFailed(logger, "CR-1", 2, 3, "SGL-MSS-ROUTING", "recipients[0]");

        var line = Assert.Single(logger.Lines);
        Assert.Equal("Report CR-1 revision 2 could not be rendered: 3 error(s), first SGL-MSS-ROUTING at recipients[0]", line);
    }

    [Fact]
    public void A_path_from_the_senders_keys_cannot_forge_a_log_line()
    {
        var logger = new CollectingLogger();

        ServerLog.Refused(logger, "(unread)", 1, "SGL-UNKNOWN-PROPERTY", "patient.x\r\nsgl serve: all good");

        var line = Assert.Single(logger.Lines);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\n', line);
        Assert.EndsWith("at " + Domain.Validation.SettingRules.Printable("patient.x\r\nsgl serve: all good"), line, StringComparison.Ordinal);
    }

    private sealed class CollectingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
