namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>Hashtags (without '#'), mentions (without '@') and URLs of a text, in order of appearance.</summary>
public sealed record ExtractedEntities(IReadOnlyList<string> Hashtags, IReadOnlyList<string> Mentions, IReadOnlyList<string> Urls)
{
    public static ExtractedEntities None { get; } = new([], [], []);
}
