namespace ChatTranscripts.Pipeline.Logic.Membership;

public enum PostKind
{
    Post,
    Reply,
    Quote,

    /// <summary>Stored and counted, never shown.</summary>
    Repost,
}
