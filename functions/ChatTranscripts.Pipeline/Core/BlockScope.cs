namespace ChatTranscripts.Pipeline.Core;

/// <summary>How far an account block reaches.</summary>
public enum BlockScope
{
    /// <summary>The session the block was made on.</summary>
    Session,

    /// <summary>Every session sharing a hashtag with it, those registered later included.</summary>
    Series,
}
