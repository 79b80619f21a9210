using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>
/// Standard Webhooks signatures, for <c>/api/posts</c>, <c>/api/deletions</c> and the Bluesky relay: HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, a timestamp within the tolerance, any of several space-separated
/// <c>v1,…</c> signatures, compared in constant time. Written here rather than taken from the StandardWebhooks package
/// because that package reads the clock itself (tests and the spec's fixed vectors need <see cref="TimeProvider"/>)
/// and takes the body as a string, not the raw bytes.
/// </summary>
public sealed class StandardWebhookSignature : IWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    private readonly byte[]? _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public StandardWebhookSignature(IOptions<WebhookOptions> options, TimeProvider time)
    {
        _key = string.IsNullOrWhiteSpace(options.Value.Secret) ? null : DecodeSecret(options.Value.Secret);
        _time = time;
        _tolerance = options.Value.Tolerance;
    }

    /// <summary>False when no secret is configured: the local host then accepts unsigned posts.</summary>
    public bool IsEnabled => _key is not null;

    /// <summary>
    /// Always null: where a secret is required, start-up refuses to go on without one (<see cref="WebhookOptionsValidator"/>).
    /// </summary>
    public string? MissingConfiguration => null;

    public static bool IsValidSecret(string secret)
    {
        try
        {
            return DecodeSecret(secret).Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Verified with the request's <c>webhook-id</c>: the sender keeps it for every retry of a delivery, so it is the
    /// delivery's idempotency key. Without a secret nothing is checked, and an unverified header names nothing.
    /// </summary>
    public SignatureOutcome Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (_key is null)
        {
            return new SignatureOutcome.NotRequired();
        }
        string? id = headers[IdHeader];
        string? timestamp = headers[TimestampHeader];
        string? signatures = headers[SignatureHeader];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return new SignatureOutcome.Refused($"The {IdHeader}, {TimestampHeader} and {SignatureHeader} headers are required.");
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new SignatureOutcome.Refused($"The {TimestampHeader} header must be Unix seconds.");
        }
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > _tolerance.TotalSeconds)
        {
            return new SignatureOutcome.Refused($"The {TimestampHeader} is more than {_tolerance.TotalMinutes:0} minutes from the server's time.");
        }

        var expected = Sign(_key, id, timestamp, body);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || entry[..comma] != "v1")
            {
                continue;
            }
            var candidate = new byte[expected.Length];
            if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(candidate, expected))
            {
                return new SignatureOutcome.Verified(id);
            }
        }
        return new SignatureOutcome.Refused($"No signature in the {SignatureHeader} header matches the body.");
    }

    public static byte[] Sign(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, content);
    }

    public static byte[] DecodeSecret(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
