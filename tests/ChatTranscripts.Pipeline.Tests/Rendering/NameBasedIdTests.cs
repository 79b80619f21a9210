using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Logic.Transcripts;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// The feed's ids are RFC 9562 version 5 UUIDs. They are published and must never change, so the namespace is pinned
/// here and the algorithm is checked against an independent implementation of the RFC (itself checked against the
/// RFC's own example) and against vectors computed with another implementation.
/// </summary>
public sealed partial class NameBasedIdTests
{
    /// <summary>
    /// NameBasedId's namespace. Pinned on purpose: changing it changes every published Atom id, and feed readers would
    /// show every transcript again as new.
    /// </summary>
    private const string Namespace = "5b2c9a43-7d0e-4f8e-9c61-2f4e8b1d3a77";

    [Fact]
    public void The_reference_implementation_gives_the_rfcs_example()
    {
        // RFC 9562, Appendix A.4: the DNS namespace and the name "www.example.com".
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", UuidV5.Create("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("session:bmcmed-2012-08-06")]
    [InlineData("feed:account/$web")]
    [InlineData("session:日本語😀")]
    [InlineData("session:a-session-id-of-the-longest-length-allowed-by-the-contract-64c")]
    [InlineData("feed:<script>&\"'")]
    public void Ids_are_the_rfcs_version_5_uuids_in_our_namespace(string name) =>
        Assert.Equal("urn:uuid:" + UuidV5.Create(Namespace, name), NameBasedId.Urn(name));

    /// <summary>Computed with Python's uuid.uuid5(uuid.UUID(Namespace), name), a second implementation of the RFC.</summary>
    [Theory]
    [InlineData("session:bmcmed-2012-08-06", "19e31718-3240-5749-a3c1-ac9731a7b2cd")]
    [InlineData("feed:account/$web", "3c0e8233-82fe-5cb9-81d9-31467de56cb8")]
    [InlineData("", "fd5425da-8415-5aac-b99c-2cd33811680b")]
    [InlineData("session:日本語😀", "e2fe3a23-5b89-5e80-8c1d-910705c53a7a")]
    public void Ids_match_known_answers(string name, string uuid) =>
        Assert.Equal("urn:uuid:" + uuid, NameBasedId.Urn(name));

    [Theory]
    [InlineData("a")]
    [InlineData("session:x")]
    [InlineData("feed:y")]
    public void Ids_carry_version_5_and_the_rfc_variant(string name)
    {
        var match = UrnPattern().Match(NameBasedId.Urn(name));

        Assert.True(match.Success, NameBasedId.Urn(name));
        Assert.Equal("5", match.Groups["version"].Value);
        Assert.Contains(match.Groups["variant"].Value, new[] { "8", "9", "a", "b" });
    }

    [Fact]
    public void Different_names_give_different_ids_and_the_same_name_the_same_id()
    {
        var names = Enumerable.Range(0, 1000).Select(i => $"session:s{i}").ToList();

        var ids = names.Select(NameBasedId.Urn).ToList();

        Assert.Equal(names.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, names.Select(NameBasedId.Urn));
    }

    [GeneratedRegex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-(?<version>[0-9a-f])[0-9a-f]{3}-(?<variant>[0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UrnPattern();
}
