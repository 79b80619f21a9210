using System.Globalization;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>The sender's side of Standard Webhooks, for the demo chat's sender (tests sign with a signer of their own).</summary>
public static class StandardWebhookSigner
{
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = StandardWebhookSignature.Sign(StandardWebhookSignature.DecodeSecret(secret), messageId, seconds, body);
        return
        [
            new(StandardWebhookSignature.IdHeader, messageId),
            new(StandardWebhookSignature.TimestampHeader, seconds),
            new(StandardWebhookSignature.SignatureHeader, "v1," + Convert.ToBase64String(signature)),
        ];
    }
}
