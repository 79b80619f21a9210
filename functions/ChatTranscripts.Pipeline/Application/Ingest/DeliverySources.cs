namespace ChatTranscripts.Pipeline.Application.Ingest;

/// <summary>The routes a delivery can come through, as they appear at the start of its queue message id.</summary>
public static class DeliverySources
{
    public const string Posts = "posts";
    public const string Deletions = "deletions";
    public const string X = "x";
    public const string Mastodon = "mastodon";
    public const string Bluesky = "bluesky";
}
