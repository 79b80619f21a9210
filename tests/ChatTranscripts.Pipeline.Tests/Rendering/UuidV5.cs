using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// RFC 9562 §5.5 written out step by step from the RFC, as a reference the production code is compared with: the
/// namespace's 16 octets in network order (read from its hex digits), then the name's UTF-8 octets, SHA-1 over both,
/// the first 16 octets of the hash, version 5 in the high nibble of octet 6 and variant 10 in the top bits of octet 8.
/// </summary>
internal static class UuidV5
{
    public static string Create(string namespaceUuid, string name)
    {
        var hex = namespaceUuid.Replace("-", "", StringComparison.Ordinal);
        var octets = new List<byte>();
        for (var i = 0; i < 32; i += 2)
        {
            octets.Add(byte.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        octets.AddRange(Encoding.UTF8.GetBytes(name));
        var uuid = SHA1.HashData(octets.ToArray())[..16];
        uuid[6] = (byte)(0x50 | (uuid[6] & 0x0F));
        uuid[8] = (byte)(0x80 | (uuid[8] & 0x3F));
        var digits = Convert.ToHexStringLower(uuid);
        return $"{digits[..8]}-{digits[8..12]}-{digits[12..16]}-{digits[16..20]}-{digits[20..]}";
    }
}
