namespace ChatTranscripts.Pipeline.Core;

/// <summary>A request to forget a post everywhere, whether or not it has arrived yet.</summary>
public sealed record PostDeletion(string Platform, string Id)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public PostKey Key => new(Platform, Id);
}
