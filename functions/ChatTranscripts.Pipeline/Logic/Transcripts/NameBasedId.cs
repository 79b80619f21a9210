using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// RFC 9562 version 5 (name-based, SHA-1) UUIDs as <c>urn:uuid:</c> IRIs: an Atom id must never change, so it is
/// derived from the session's id rather than from the site's URL, which a custom domain or CDN may change later.
/// </summary>
internal static class NameBasedId
{
    /// <summary>The namespace of every name hashed here (itself a fixed random UUID).</summary>
    private static readonly Guid Namespace = new("5b2c9a43-7d0e-4f8e-9c61-2f4e8b1d3a77");

    public static string Urn(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
