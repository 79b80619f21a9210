namespace ChatTranscripts.Pipeline.Logic.Tagging;

public enum EntityKind
{
    Hashtag,
    Mention,
    Url,
}
