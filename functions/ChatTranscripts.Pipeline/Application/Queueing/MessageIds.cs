using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Application.Queueing;

/// <summary>Message ids that let the broker recognise a webhook's retry of a delivery it already queued.</summary>
public static class MessageIds
{
    /// <summary>Service Bus message ids are at most 128 characters.</summary>
    public const int MaxLength = 128;

    public const string HashedPrefix = "sha256:";

    /// <summary>
    /// <c>{source}:{webhook-id}</c> when the request was signed with a Standard Webhooks id, which a sender keeps for every
    /// retry of the same delivery; otherwise <c>{source}:sha256:{hex}</c> of the queued body, the canonical content, which
    /// a retry reproduces exactly (X and Mastodon sign without an id). A webhook id too long for the broker is hashed.
    /// </summary>
    public static string ForDelivery(string source, string? webhookId, BinaryData body)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(webhookId))
        {
            return $"{source}:{HashedPrefix}{Convert.ToHexStringLower(SHA256.HashData(body.ToMemory().Span))}";
        }
        var plain = $"{source}:{webhookId}";
        return plain.Length <= MaxLength
            ? plain
            : HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
    }
}
