using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Http.Ingest;

public enum SignatureEncoding
{
    Hex,
    Base64,
}

/// <summary>
/// The <c>sha256=&lt;mac&gt;</c> signature headers of X and Mastodon: HMAC-SHA256 of the raw body with the secret's
/// text as key, written in hex or base64, compared in constant time. One implementation, so both platforms get the
/// same checks. Neither names its deliveries, so a delivery is known by its content, which a retry repeats.
/// </summary>
/// <param name="secret">The route's secret; null or empty when it is not configured.</param>
public abstract class HmacHeaderSignature(string headerName, string? secret, SignatureEncoding encoding) : IWebhookSignature
{
    public const string Scheme = "sha256=";

    private readonly byte[]? _key = string.IsNullOrEmpty(secret) ? null : System.Text.Encoding.UTF8.GetBytes(secret);

    public abstract string? MissingConfiguration { get; }

    /// <summary>False when no secret is configured.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>Only called when <see cref="MissingConfiguration"/> is null.</summary>
    public SignatureOutcome Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (_key is null)
        {
            return WithoutSecret();
        }
        string? header = headers[headerName];
        if (string.IsNullOrEmpty(header))
        {
            return new SignatureOutcome.Refused($"The {headerName} header is required.");
        }
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new SignatureOutcome.Refused(
                $"The {headerName} header must be '{Scheme}' followed by the {(encoding == SignatureEncoding.Hex ? "hex" : "base64")} HMAC-SHA256 of the body.");
        }
        var expected = HMACSHA256.HashData(_key, body);
        var candidate = new byte[expected.Length];
        var text = header.AsSpan(Scheme.Length).Trim();
        var decoded = encoding == SignatureEncoding.Hex
            ? text.Length == expected.Length * 2 && Convert.FromHexString(text, candidate, out _, out var hexWritten) == OperationStatus.Done && hexWritten == expected.Length
            : Convert.TryFromBase64Chars(text, candidate, out var base64Written) && base64Written == expected.Length;
        return decoded && CryptographicOperations.FixedTimeEquals(candidate, expected)
            ? new SignatureOutcome.Verified(DeliveryId: null)
            : new SignatureOutcome.Refused($"The {headerName} header does not match the body.");
    }

    /// <summary>The HMAC-SHA256 of <paramref name="data"/> with the secret. Only call when <see cref="IsConfigured"/>.</summary>
    protected byte[] Mac(ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(_key ?? throw new InvalidOperationException($"No secret is configured for {headerName}."), data);

    /// <summary>What a delivery is when no secret is configured and <see cref="MissingConfiguration"/> let it through.</summary>
    protected abstract SignatureOutcome WithoutSecret();
}
