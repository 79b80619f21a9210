using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>
/// How a webhook route's sender signs its deliveries (Standard Webhooks, X, Mastodon). <see cref="DeliveryReceiver"/>
/// asks it about every delivery over the raw body, before the body is parsed, and turns the outcome into the answer.
/// </summary>
public interface IWebhookSignature
{
    /// <summary>
    /// Why the route cannot take deliveries here (the setting to configure), or null when it can. Checked before the
    /// body is read: a route that can verify nothing answers 503 whatever was sent.
    /// </summary>
    string? MissingConfiguration { get; }

    SignatureOutcome Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body);
}
