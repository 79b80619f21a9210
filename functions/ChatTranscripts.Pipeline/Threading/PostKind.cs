namespace ChatTranscripts.Pipeline.Threading;

public enum PostKind
{
    Post,
    Reply,
    Quote,

    /// <summary>Stored and counted, never shown.</summary>
    Repost,
}
