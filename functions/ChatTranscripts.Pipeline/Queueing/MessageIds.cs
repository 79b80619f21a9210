using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>Message ids that let the broker recognise a webhook retry: <c>{platform}:{id}[:{version}]</c>.</summary>
public static class MessageIds
{
    /// <summary>Service Bus message ids are at most 128 characters.</summary>
    public const int MaxLength = 128;

    public static string For(string platform, string id, string? version)
    {
        var plain = version is null ? $"{platform}:{id}" : $"{platform}:{id}:{version}";
        return plain.Length <= MaxLength
            ? plain
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain))).ToLowerInvariant();
    }
}
