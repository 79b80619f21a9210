namespace ChatTranscripts.Pipeline.Http.Ingest.Mastodon;

public sealed class MastodonWebhookOptions
{
    public const string Section = "Webhooks:Mastodon";

    /// <summary>The secret Mastodon shows for the admin webhook; it signs every delivery (<c>X-Hub-Signature</c>).</summary>
    public string? Secret { get; set; }
}
