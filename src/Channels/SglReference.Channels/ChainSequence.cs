using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Channels;

/// <summary>
/// The order of messages within a document chain: version v is published at 2v, its deletion at 2v + 1, so that a
/// replacement follows what it replaces and a deletion follows what it deletes.
/// </summary>
public static class ChainSequence
{
    /// <summary>The sequence of a message carrying <paramref name="document"/> for <paramref name="action"/>.</summary>
    public static int Of(DocumentIdentity document, DocumentAction action)
    {
        ArgumentNullException.ThrowIfNull(document);
        return checked((document.Version * 2) + (action == DocumentAction.Delete ? 1 : 0));
    }
}
