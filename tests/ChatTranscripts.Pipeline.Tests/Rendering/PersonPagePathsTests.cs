using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>The rule docs/api.md states for the path of a participant's page, applied by hand to each kind of handle.</summary>
public sealed partial class PersonPagePathsTests
{
    [Theory]
    [InlineData("twitter", "nurse_jo", "people/twitter/nurse_jo.html")]
    [InlineData("twitter", "FarrisTimimi", "people/twitter/farristimimi.html")]
    [InlineData("twitter", "FARRISTIMIMI", "people/twitter/farristimimi.html")]
    [InlineData("mastodon", "tooter@example.org", "people/mastodon/tooter@example.org.html")]
    [InlineData("bluesky", "alice.bsky.social", "people/bluesky/alice.bsky.social.html")]
    [InlineData("web", "a-b_c.9", "people/web/a-b_c.9.html")]
    [InlineData("web", ".hidden", "people/web/~2Ehidden.html")]
    [InlineData("web", "..", "people/web/~2E..html")]
    [InlineData("web", "a/b", "people/web/a~2Fb.html")]
    [InlineData("web", "a~b", "people/web/a~7Eb.html")]
    [InlineData("web", "50%", "people/web/50~25.html")]
    [InlineData("web", "josé", "people/web/jos~C3~89.html")]
    [InlineData("web", "JOSÉ", "people/web/jos~C3~89.html")]
    [InlineData("web", "🦋", "people/web/~F0~9F~A6~8B.html")]
    [InlineData("web", "\"><b>", "people/web/~22~3E~3Cb~3E.html")]
    public void The_handle_is_written_by_the_documented_rule(string platform, string handle, string expected) =>
        Assert.Equal(expected, PersonPagePaths.PathOf(platform, handle));

    [Fact]
    public void Handles_that_count_as_different_participants_get_different_pages()
    {
        string[] handles = ["a_b", "a-b", "a@b", "a.b", "a~b", "a/b", "a~2Fb", "ab", "a_B", "é", "~C3~A9", "É", ".x", "~2Ex"];

        var paths = handles.Select(h => PersonPagePaths.PathOf("web", h)).ToList();

        // "a_b" and "a_B" are one participant (handles are compared without regard to case), as are "é" and "É".
        Assert.Equal(handles.Length - 2, paths.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_hostile_handle_becomes_a_name_of_safe_characters_only()
    {
        var path = PersonPagePaths.PathOf("twitter", "\"><img/src=x/onerror=window.__probe='handle'>");

        Assert.Matches(SafePath(), path);
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_cut_between_escapes_and_ends_with_a_hash_of_the_whole()
    {
        var handle = string.Concat(Enumerable.Repeat("é", 100));

        var name = Path.GetFileNameWithoutExtension(PersonPagePaths.PathOf("web", handle));

        // Each "é" is "~C3~89" (six characters); 80 characters would end inside the fourteenth's first escape, so 13 are kept.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle.ToUpperInvariant())))[..16];
        Assert.Equal(string.Concat(Enumerable.Repeat("~C3~89", 13)) + "~~" + hash, name);
        Assert.NotEqual(name, Path.GetFileNameWithoutExtension(PersonPagePaths.PathOf("web", handle[..99] + "e")));
    }

    [Fact]
    public void A_long_name_of_kept_characters_is_cut_at_80()
    {
        var handle = new string('a', 101);

        var name = Path.GetFileNameWithoutExtension(PersonPagePaths.PathOf("web", handle));

        Assert.Equal(new string('a', 80) + "~~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new string('A', 101))))[..16], name);
        Assert.Equal(new string('a', 100), Path.GetFileNameWithoutExtension(PersonPagePaths.PathOf("web", new string('a', 100))));
    }

    [GeneratedRegex(@"\Apeople/twitter/[a-z0-9_.@~A-F-]+\.html\z")]
    private static partial Regex SafePath();
}
