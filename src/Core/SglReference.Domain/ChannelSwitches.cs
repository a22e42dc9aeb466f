using System.Collections.Frozen;

namespace SglReference.Domain;

/// <summary>A lab's channels on/off by name (hl7v2, mss, dmp); a channel the lab does not mention is on.</summary>
public sealed class ChannelSwitches
{
    private readonly FrozenDictionary<string, bool> _switches;

    /// <summary>Creates the switches from name → on.</summary>
    public ChannelSwitches(IReadOnlyDictionary<string, bool> switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        _switches = switches.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every channel on.</summary>
    public static ChannelSwitches AllOn { get; } = new(new Dictionary<string, bool>());

    /// <summary>The channel names the lab mentions.</summary>
    public IEnumerable<string> Names => _switches.Keys;

    /// <summary>True unless the lab turned <paramref name="channel"/> off.</summary>
    public bool IsEnabled(string channel) => !_switches.TryGetValue(channel, out var on) || on;
}
