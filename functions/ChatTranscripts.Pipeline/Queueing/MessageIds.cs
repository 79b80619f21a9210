using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>Message ids that let the broker recognise a webhook retry: <c>{platform}:{id}[:{version}]</c>.</summary>
public static class MessageIds
{
    /// <summary>Service Bus message ids are at most 128 characters.</summary>
    public const int MaxLength = 128;

    public const string HashedPrefix = "sha256:";

    /// <summary>
    /// The readable id when it fits; otherwise <c>sha256:</c> and the hex SHA-256 of the readable id, which is as
    /// deterministic (a retry still gets the same id) and 71 characters long.
    /// </summary>
    public static string For(string platform, string id, string? version)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var plain = version is null ? $"{platform}:{id}" : $"{platform}:{id}:{version}";
        return plain.Length <= MaxLength
            ? plain
            : HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
    }
}
