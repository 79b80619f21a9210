using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Ingest.Mastodon;

/// <summary>
/// Verifies <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 Mastodon computes over the raw body with the
/// webhook's secret (the secret's text is the key), compared in constant time.
/// </summary>
public sealed class MastodonSignatureVerifier(IOptions<MastodonWebhookOptions> options)
{
    public const string SignatureHeader = "X-Hub-Signature";

    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.Secret) ? null : Encoding.UTF8.GetBytes(options.Value.Secret);

    /// <summary>False when no secret is configured; the endpoint then decides between accepting unsigned and refusing.</summary>
    public bool IsEnabled => _key is not null;

    /// <summary>Null when the signature is valid (or signing is off); otherwise why not, for the 401 response.</summary>
    public string? Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return null;
        }
        return HmacHeaderSignature.Verify(SignatureHeader, header, _key, body, SignatureEncoding.Hex);
    }

    public static byte[] Sign(byte[] key, ReadOnlySpan<byte> body) => HMACSHA256.HashData(key, body);
}
