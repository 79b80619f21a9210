namespace ChatTranscripts.Pipeline.Tagging;

public enum EntityKind
{
    Hashtag,
    Mention,
    Url,
}
