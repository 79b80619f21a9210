using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Testing;

/// <summary>
/// Signs requests as each platform's sender does, for every test and tool that calls the ingest routes. Written from
/// the platforms' documentation, not with the pipeline's signature code, so a mistake in a verifier cannot cancel out
/// against the same mistake in the signer that tests it.
/// </summary>
public static class WebhookRequestSigner
{
    public const string XHeader = "x-twitter-webhooks-signature";
    public const string MastodonHeader = "X-Hub-Signature";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>X's account activity signature: <c>sha256=</c> and the base64 HMAC-SHA256 of the body, keyed with the consumer secret's text.</summary>
    public static string XSignature(string consumerSecret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), body));

    /// <summary>The <c>response_token</c> X expects for a CRC challenge: the same HMAC, over the token.</summary>
    public static string XCrcResponseToken(string consumerSecret, string crcToken) =>
        XSignature(consumerSecret, Encoding.UTF8.GetBytes(crcToken));

    /// <summary>Mastodon's admin webhook signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body, keyed with the secret's text.</summary>
    public static string MastodonSignature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// The three Standard Webhooks headers: the message id, the Unix seconds, and <c>v1,</c> with the base64
    /// HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the base64-decoded secret (its <c>whsec_</c> prefix dropped).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StandardWebhookHeaders(
        string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{messageId}.{seconds}."));
        hmac.AppendData(body);
        return
        [
            new(IdHeader, messageId),
            new(TimestampHeader, seconds),
            new(SignatureHeader, "v1," + Convert.ToBase64String(hmac.GetHashAndReset())),
        ];
    }

    /// <summary>Signs <paramref name="request"/> for <c>/api/posts</c>, <c>/api/deletions</c> or the relay, under a fresh message id.</summary>
    public static void SignStandardWebhook(HttpRequestMessage request, string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        SignStandardWebhook(request, secret, "msg_" + Guid.NewGuid().ToString("N"), timestamp, body);

    /// <summary>Signs <paramref name="request"/> under <paramref name="messageId"/>, which a sender keeps for every retry of one delivery.</summary>
    public static void SignStandardWebhook(HttpRequestMessage request, string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in StandardWebhookHeaders(secret, messageId, timestamp, body))
        {
            request.Headers.Add(header.Key, header.Value);
        }
    }
}
