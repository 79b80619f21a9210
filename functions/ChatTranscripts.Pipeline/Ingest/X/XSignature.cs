using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Ingest.X;

/// <summary>
/// X's HMAC-SHA256 with the consumer secret as key, written <c>sha256=&lt;base64&gt;</c>: over the CRC token for the
/// challenge response, over the raw body for <c>x-twitter-webhooks-signature</c>.
/// </summary>
public sealed class XSignature(IOptions<XWebhookOptions> options)
{
    public const string SignatureHeader = "x-twitter-webhooks-signature";

    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ConsumerSecret) ? null : Encoding.UTF8.GetBytes(options.Value.ConsumerSecret);

    /// <summary>Without the consumer secret X's webhook can be neither registered (CRC) nor verified.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>The CRC challenge's <c>response_token</c>. Only call when <see cref="IsConfigured"/>.</summary>
    public string ResponseToken(string crcToken) => Format(Sign(RequireKey(), Encoding.UTF8.GetBytes(crcToken)));

    /// <summary>Null when the header signs the body; otherwise why not, for the 401 response. Only call when <see cref="IsConfigured"/>.</summary>
    public string? Verify(string? header, ReadOnlySpan<byte> body)
    {
        return HmacHeaderSignature.Verify(SignatureHeader, header, RequireKey(), body, SignatureEncoding.Base64);
    }

    public static string Format(byte[] mac) => HmacHeaderSignature.Scheme + Convert.ToBase64String(mac);

    public static byte[] Sign(byte[] key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    private byte[] RequireKey() => _key ?? throw new InvalidOperationException($"{XWebhookOptions.Section}:ConsumerSecret is not configured.");
}
