using System.Security.Cryptography;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Processing;

/// <summary>
/// Decides which of two versions of a post wins: the later <c>editedAt</c> (an unedited original loses to any
/// edit), and between versions with the same <c>editedAt</c> the larger content hash, so the choice never
/// depends on which arrived first.
/// </summary>
public static class PostVersions
{
    public static string Hash(CanonicalPost post) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(post, PipelineJson.Options)));

    public static int Compare(CanonicalPost a, string hashA, CanonicalPost b, string hashB)
    {
        var byEdit = Nullable.Compare(a.EditedAt, b.EditedAt);
        return byEdit != 0 ? byEdit : string.CompareOrdinal(hashA, hashB);
    }

    /// <summary>The winning version of each post among <paramref name="posts"/>, with its hash.</summary>
    public static IReadOnlyList<(CanonicalPost Post, string Hash)> Latest(IEnumerable<CanonicalPost> posts) =>
        LatestBy(posts, post => post.Key);

    /// <summary>
    /// The winning version of each post in each ReceivedPosts row (<see cref="ReceivedPostRow"/>) among
    /// <paramref name="posts"/>: what storing them one by one would leave in the rows, so storing them together does too.
    /// </summary>
    public static IReadOnlyList<(CanonicalPost Post, string Hash)> LatestPerRow(IEnumerable<CanonicalPost> posts) =>
        LatestBy(posts, ReceivedPostRow.Of);

    private static IReadOnlyList<(CanonicalPost Post, string Hash)> LatestBy<TKey>(IEnumerable<CanonicalPost> posts, Func<CanonicalPost, TKey> key) =>
        posts
            .Select(post => (Post: post, Hash: Hash(post)))
            .GroupBy(p => key(p.Post))
            .Select(versions => versions.Aggregate((best, next) => Compare(next.Post, next.Hash, best.Post, best.Hash) > 0 ? next : best))
            .ToList();
}
