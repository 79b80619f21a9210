using System.Globalization;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>X's two timestamp shapes: v1.1's <c>Mon Aug 06 12:04:31 +0000 2012</c> and v2's RFC 3339 (<c>2012-08-06T12:04:31.000Z</c>).</summary>
public static class XCreatedAt
{
    private const string V1Format = "ddd MMM dd HH:mm:ss zzz yyyy";

    public static bool TryParseV1(string? text, out DateTimeOffset value)
    {
        value = default;
        // .NET's "zzz" wants "+00:00"; X writes "+0000", so the colon is put in before parsing.
        var parts = text?.Split(' ');
        if (parts is not { Length: 6 } || parts[4] is not { Length: 5 } offset || offset[0] is not ('+' or '-'))
        {
            return false;
        }
        parts[4] = offset[..3] + ":" + offset[3..];
        if (!DateTimeOffset.TryParseExact(string.Join(' ', parts), V1Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        value = parsed.ToUniversalTime();
        return true;
    }

    public static bool TryParseV2(string? text, out DateTimeOffset value) => Rfc3339.TryParse(text, out value);
}
