using System.Globalization;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary>The sender's side of Standard Webhooks, for the demo, the load tool and tests that call the API as a sender would.</summary>
public static class StandardWebhookSigner
{
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(string secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = StandardWebhookVerifier.Sign(StandardWebhookVerifier.DecodeSecret(secret), messageId, seconds, body);
        return
        [
            new(StandardWebhookVerifier.IdHeader, messageId),
            new(StandardWebhookVerifier.TimestampHeader, seconds),
            new(StandardWebhookVerifier.SignatureHeader, "v1," + Convert.ToBase64String(signature)),
        ];
    }
}
