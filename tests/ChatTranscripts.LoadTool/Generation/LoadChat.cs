using ChatTranscripts.LoadTool.Storage;

namespace ChatTranscripts.LoadTool.Generation;

/// <summary>
/// One run's chat: the session to register and the deliveries to send, in sending order. <see cref="Expected"/> holds
/// one entry per distinct post (what the session's partition must hold once everything is processed, with the latest
/// version of each edited post); a delivery points at its entry by <see cref="Delivery.PostIndex"/>.
/// </summary>
/// <param name="DependsOn">
/// Per expected post, the post it belongs to the session through: its parent for a reply without the hashtag, which no
/// processor can store before the parent has arrived; -1 for a post that carries the hashtag itself. Parents come first.
/// </param>
internal sealed record LoadChat(
    string SessionId, SessionBody Session, IReadOnlyList<Delivery> Deliveries, IReadOnlyList<ExpectedPost> Expected, IReadOnlyList<int> DependsOn)
{
    public int Edits => Deliveries.Count - Expected.Count;

    /// <summary>
    /// When each post could first be stored, given when each was first accepted: its own acceptance, or for a reply
    /// without the hashtag, the later of that and the moment its parent could be stored. 0 where something is not accepted.
    /// </summary>
    public long[] StorableAt(IReadOnlyList<long> firstAccepted)
    {
        var storable = new long[Expected.Count];
        for (var i = 0; i < storable.Length; i++)
        {
            var parent = DependsOn[i];
            storable[i] = parent < 0 || firstAccepted[i] == 0 || storable[parent] == 0
                ? firstAccepted[i]
                : Math.Max(firstAccepted[i], storable[parent]);
        }
        return storable;
    }
}
