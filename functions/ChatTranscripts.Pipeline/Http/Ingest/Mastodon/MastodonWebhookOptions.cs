using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.Mastodon;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;
namespace ChatTranscripts.Pipeline.Http.Ingest.Mastodon;

public sealed class MastodonWebhookOptions
{
    public const string Section = "Webhooks:Mastodon";

    /// <summary>The secret Mastodon shows for the admin webhook; it signs every delivery (<c>X-Hub-Signature</c>).</summary>
    public string? Secret { get; set; }
}
