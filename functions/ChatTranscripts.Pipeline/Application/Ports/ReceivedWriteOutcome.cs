namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// What storing a batch's versions did: how many were written in the round that finished, the versions storage refused
/// to hold, the rows found holding a newer version than the batch's (whose version is therefore in no window), and the
/// creation times of the versions written over that an edit moved elsewhere within their hour (the sessions whose windows
/// held them may have lost them).
/// </summary>
public sealed record ReceivedWriteOutcome(
    int Written,
    IReadOnlyList<SetAsidePost> Refused,
    IReadOnlySet<ReceivedPostRow> Superseded,
    IReadOnlyCollection<DateTimeOffset> Displaced);
