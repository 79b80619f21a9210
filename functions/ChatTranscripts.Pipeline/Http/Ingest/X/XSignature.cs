using System.Text;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Http.Ingest.X;

/// <summary>
/// X's HMAC-SHA256 with the consumer secret as key, written <c>sha256=&lt;base64&gt;</c>: over the raw body for
/// <c>x-twitter-webhooks-signature</c>, over the CRC token for the challenge response.
/// </summary>
public sealed class XSignature(IOptions<XWebhookOptions> options)
    : HmacHeaderSignature(SignatureHeader, options.Value.ConsumerSecret, SignatureEncoding.Base64)
{
    public const string SignatureHeader = "x-twitter-webhooks-signature";

    /// <summary>
    /// Unlike Mastodon's route, there is no unsigned mode without a secret: X cannot register a webhook that fails the
    /// CRC check, and the CRC needs the secret, so a missing secret is always our misconfiguration (503), never the caller's.
    /// </summary>
    public override string? MissingConfiguration => IsConfigured
        ? null
        : $"X webhooks are not configured here: set {XWebhookOptions.Section}:ConsumerSecret to the X app's consumer secret.";

    /// <summary>The CRC challenge's <c>response_token</c>. Only call when <see cref="HmacHeaderSignature.IsConfigured"/>.</summary>
    public string ResponseToken(string crcToken) => Scheme + Convert.ToBase64String(Mac(Encoding.UTF8.GetBytes(crcToken)));

    protected override SignatureOutcome WithoutSecret() =>
        throw new InvalidOperationException($"{XWebhookOptions.Section}:ConsumerSecret is not configured.");
}
