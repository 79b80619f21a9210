using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// <see cref="LinkedText.Split"/> on its own: whatever the text and platform, linking only cuts the text into runs,
/// never losing, repeating or reordering a character, and never splitting a surrogate pair.
/// </summary>
public sealed class LinkedTextTests
{
    private static readonly (string Platform, string? Url)[] Platforms =
    [
        ("twitter", "https://twitter.com/someone/status/1"),
        ("bluesky", null),
        ("mastodon", "https://mastodon.social/@someone/109"),
        ("mastodon", null),
        ("web", "https://example.org/post/1"),
    ];

    [Fact]
    public void Runs_concatenate_to_exactly_the_text_on_every_platform()
    {
        foreach (var text in SampleTexts.Generate(600))
        {
            foreach (var (platform, url) in Platforms)
            {
                var runs = LinkedText.Split(text, platform, url);

                Assert.True(
                    string.Concat(runs.Select(r => r.Text)) == text,
                    $"{platform}: runs [{string.Join(" | ", runs.Select(r => r.Text))}] do not rebuild \"{text}\".");
                Assert.All(runs, run =>
                {
                    Assert.NotEmpty(run.Text);
                    Assert.False(char.IsLowSurrogate(run.Text[0]), $"A run starts inside a surrogate pair in \"{text}\".");
                    Assert.False(char.IsHighSurrogate(run.Text[^1]), $"A run ends inside a surrogate pair in \"{text}\".");
                });
            }
        }
    }

    [Fact]
    public void Every_link_target_is_an_absolute_web_url()
    {
        foreach (var text in SampleTexts.Generate(600))
        {
            foreach (var (platform, url) in Platforms)
            {
                foreach (var href in LinkedText.Split(text, platform, url).Select(r => r.Href).OfType<string>())
                {
                    Assert.True(
                        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0,
                        $"{platform}: \"{href}\" in \"{text}\" is not an absolute web URL.");
                }
            }
        }
    }

    [Fact]
    public void Each_entity_is_one_link_run_between_plain_runs()
    {
        var runs = LinkedText.Split("see #a, @b and c.com!", "twitter", null);

        Assert.Equal(
            [("see ", false), ("#a", true), (", ", false), ("@b", true), (" and ", false), ("c.com", true), ("!", false)],
            runs.Select(r => (r.Text, r.Href is not null)));
    }

    [Fact]
    public void Text_without_entities_is_one_plain_run() =>
        Assert.Equal([new TextRun("Nothing to link 😀", null)], LinkedText.Split("Nothing to link 😀", "twitter", null));
}
