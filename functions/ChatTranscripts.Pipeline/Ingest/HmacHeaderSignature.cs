using System.Buffers;
using System.Security.Cryptography;

namespace ChatTranscripts.Pipeline.Ingest;

public enum SignatureEncoding
{
    Hex,
    Base64,
}

/// <summary>
/// The <c>sha256=&lt;mac&gt;</c> signature headers of X and Mastodon: HMAC-SHA256 of the raw body, written in hex or
/// base64, compared in constant time. One implementation, so both platforms get the same checks.
/// </summary>
public static class HmacHeaderSignature
{
    public const string Scheme = "sha256=";

    /// <summary>Null when <paramref name="header"/> signs <paramref name="body"/>; otherwise why not, for the 401 response.</summary>
    public static string? Verify(string headerName, string? header, byte[] key, ReadOnlySpan<byte> body, SignatureEncoding encoding)
    {
        if (string.IsNullOrEmpty(header))
        {
            return $"The {headerName} header is required.";
        }
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return $"The {headerName} header must be '{Scheme}' followed by the {(encoding == SignatureEncoding.Hex ? "hex" : "base64")} HMAC-SHA256 of the body.";
        }
        var expected = HMACSHA256.HashData(key, body);
        var candidate = new byte[expected.Length];
        var text = header.AsSpan(Scheme.Length).Trim();
        var decoded = encoding == SignatureEncoding.Hex
            ? text.Length == expected.Length * 2 && Convert.FromHexString(text, candidate, out _, out var hexWritten) == OperationStatus.Done && hexWritten == expected.Length
            : Convert.TryFromBase64Chars(text, candidate, out var base64Written) && base64Written == expected.Length;
        return decoded && CryptographicOperations.FixedTimeEquals(candidate, expected)
            ? null
            : $"The {headerName} header does not match the body.";
    }
}
