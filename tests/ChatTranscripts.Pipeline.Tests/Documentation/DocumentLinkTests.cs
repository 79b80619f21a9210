namespace ChatTranscripts.Pipeline.Tests.Documentation;

/// <summary>The README and docs/ link only to what a fresh clone has: the contract and the design live in the repository.</summary>
public sealed class DocumentLinkTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.GetFiles(Repository.PathOf("docs"), "*.md").Append(Repository.PathOf("README.md")).Select(path => Path.GetRelativePath(Repository.Root, path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves_to_a_file_in_the_repository(string document)
    {
        var path = Repository.PathOf(document);

        Assert.Empty(DocumentLinks.Broken(path, File.ReadAllText(path), Repository.Root));
    }

    [Fact]
    public void Links_outside_the_repository_to_missing_files_or_to_missing_headings_are_reported()
    {
        const string Markdown = """
            # Title

            The [contract](../shared/api.md), a [missing page](docs/nothing.md), a [wrong heading](docs/deploy.md#no-such-heading),
            one [here](#no-heading), and links that resolve: [deploy](docs/deploy.md#function-keys-one-per-role), [top](#title),
            [a folder](docs/), [the web](https://www.standardwebhooks.com/).
            """;

        var broken = DocumentLinks.Broken(Repository.PathOf("README.md"), Markdown, Repository.Root);

        Assert.Equal(
            [
                "README.md line 3: (../shared/api.md) points outside the repository",
                "README.md line 3: (docs/nothing.md) names no file in the repository",
                "README.md line 3: (docs/deploy.md#no-such-heading) names no heading of deploy.md",
                "README.md line 4: (#no-heading) names no heading of README.md",
            ],
            broken);
    }
}
