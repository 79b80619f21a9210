using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Http.Ingest.Mastodon;

/// <summary>
/// <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 Mastodon computes over the raw body with the webhook's
/// secret (the secret's text is the key).
/// </summary>
public sealed class MastodonSignature(IOptions<MastodonWebhookOptions> options, IOptions<WebhookOptions> webhookOptions)
    : HmacHeaderSignature(SignatureHeader, options.Value.Secret, SignatureEncoding.Hex)
{
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>
    /// Where <c>/api/posts</c> must be signed (Azure), unsigned Mastodon deliveries are refused too; locally they are
    /// accepted without a secret, as <c>/api/posts</c> is. Refusing per request rather than at start-up keeps apps that
    /// do not use Mastodon starting without its secret.
    /// </summary>
    public override string? MissingConfiguration => !IsConfigured && webhookOptions.Value.RequireSecret
        ? $"Mastodon webhooks are not configured here: set {MastodonWebhookOptions.Section}:Secret to the webhook's secret."
        : null;

    protected override SignatureOutcome WithoutSecret() => new SignatureOutcome.NotRequired();
}
