using ChatTranscripts.Pipeline.Application.Ingest.Mastodon;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Mastodon;

public sealed class MastodonHtmlTests
{
    [Theory]
    [InlineData("<p>Example</p>", "Example")]
    [InlineData("<p>First paragraph</p><p>Second paragraph</p>", "First paragraph\n\nSecond paragraph")]
    [InlineData("<p>line one<br>line two<br />line three</p>", "line one\nline two\nline three")]
    [InlineData("<p>one<br><br>two</p><p>three</p>", "one\n\ntwo\n\nthree")]
    [InlineData("<p>Fish &amp; chips &lt;3 &quot;yes&quot; &#39;no&#39; caf&eacute; &#x1F600;</p>", "Fish & chips <3 \"yes\" 'no' café 😀")]
    [InlineData("<p>A1: yes <a href=\"https://example.org/tags/bmcmed\" class=\"mention hashtag\" rel=\"tag\">#<span>bmcmed</span></a></p>", "A1: yes #bmcmed")]
    [InlineData("<p><span class=\"h-card\"><a href=\"https://example.org/@alice\" class=\"u-url mention\">@<span>alice</span></a></span> thanks</p>", "@alice thanks")]
    [InlineData("<p>\n  spaced   out\n</p>\n<p>next</p>", "spaced out\n\nnext")]
    [InlineData("plain text, no tags", "plain text, no tags")]
    [InlineData("<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul>", "quoted\n\none\ntwo")]
    [InlineData("<p>not closed", "not closed")]
    [InlineData("<p><script>alert(1)</script>safe</p>", "safe")]
    [InlineData("", "")]
    public void Html_becomes_the_text_a_reader_sees(string html, string expected) =>
        Assert.Equal(expected, MastodonHtml.ToText(html));

    [Fact]
    public void A_shortened_link_keeps_its_visible_text_and_the_ellipsis()
    {
        const string html = "<p>read <a href=\"https://example.com/a/very/long/path/to/a/page\" rel=\"nofollow noopener\" target=\"_blank\">"
            + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/a/very/long/pat</span>"
            + "<span class=\"invisible\">h/to/a/page</span></a> now</p>";

        Assert.Equal("read example.com/a/very/long/pat… now", MastodonHtml.ToText(html));
    }

    [Fact]
    public void A_short_link_keeps_its_whole_visible_text()
    {
        const string html = "<a href=\"https://example.com/\"><span class=\"invisible\">https://</span><span class=\"\">example.com</span><span class=\"invisible\"></span></a>";

        Assert.Equal("example.com", MastodonHtml.ToText(html));
    }
}
