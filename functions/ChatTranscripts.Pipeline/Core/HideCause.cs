namespace ChatTranscripts.Pipeline.Core;

/// <summary>Why a post is left out of the transcript; the listing says it with the camelCase name.</summary>
public enum HideCause
{
    /// <summary>An organiser hid this post.</summary>
    Post,

    /// <summary>An organiser blocked its author, for the session or for the series.</summary>
    Account,

    /// <summary>The duplicate-text rule: several accounts posted the same text.</summary>
    DuplicateText,

    /// <summary>The hashtag rule: more hashtags than the session allows.</summary>
    MaxHashtags,

    /// <summary>A repost of a hidden post: counting it would count the post.</summary>
    RepostOfHidden,
}
