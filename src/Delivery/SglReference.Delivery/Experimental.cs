namespace SglReference.Delivery;

/// <summary>The diagnostic id of the store contracts, which will still move (same id as <see cref="SglReference.Channels.Experimental.Stores"/>).</summary>
internal static class Experimental
{
    public const string Stores = SglReference.Channels.Experimental.Stores;
}
