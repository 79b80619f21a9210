using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

public sealed class EntityExtractorTests
{
    [Fact]
    public void Extract_returns_each_kind_in_order_of_appearance()
    {
        var entities = EntityExtractor.Extract("A1: @Guest and @host agree, see https://bmcmedicine.com/a and nhs.uk #BMCmed #chat2024");

        Assert.Equal(["BMCmed", "chat2024"], entities.Hashtags);
        Assert.Equal(["Guest", "host"], entities.Mentions);
        Assert.Equal(["https://bmcmedicine.com/a", "nhs.uk"], entities.Urls);
    }

    [Fact]
    public void Extract_of_plain_text_is_empty()
    {
        var entities = EntityExtractor.Extract("Nothing to see here.");

        Assert.Empty(entities.Hashtags);
        Assert.Empty(entities.Mentions);
        Assert.Empty(entities.Urls);
    }

    [Theory]
    [InlineData("#bmcmed", new[] { "bmcmed" })]
    [InlineData("Joining #BMCmed late", new[] { "BMCmed" })]
    [InlineData("＃全角 full-width hash", new[] { "全角" })]
    [InlineData("#café #mañana", new[] { "café", "mañana" })]
    [InlineData("#2024 is all digits, #2024chat is not", new[] { "2024chat" })]
    [InlineData("(#a) [#b] #c. #d, #e!", new[] { "a", "b", "c", "d", "e" })]
    [InlineData("no#glued, &#39; entity, ##double", new[] { "double" })]
    [InlineData("#one#two", new string[0])]
    [InlineData("#http://example.com", new string[0])]
    [InlineData("see https://example.com/#section and #real", new[] { "real" })]
    [InlineData("keycap #️⃣ is no hashtag", new string[0])]
    public void Hashtags_follow_twitter_text(string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.ExtractHashtags(text));

    [Theory]
    [InlineData("@host hello", new[] { "host" })]
    [InlineData(".@Host_2 hello", new[] { "Host_2" })]
    [InlineData("＠fullwidth", new[] { "fullwidth" })]
    [InlineData("RT @a: RT@b", new[] { "a", "b" })]
    [InlineData("mail me at someone@example.com", new string[0])]
    [InlineData("@a@b", new string[0])]
    [InlineData("@http://example.com", new string[0])]
    [InlineData("@user/list-name is a list", new string[0])]
    [InlineData("@abcdefghijklmnopqrstuvwxyz is too long", new[] { "abcdefghijklmnopqrst" })]
    [InlineData("@ alone", new string[0])]
    public void Mentions_follow_twitter_text(string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.ExtractMentions(text));

    [Theory]
    [InlineData("https://example.com", new[] { "https://example.com" })]
    [InlineData("HTTP://EXAMPLE.COM/Path", new[] { "HTTP://EXAMPLE.COM/Path" })]
    [InlineData("See http://example.com/a.", new[] { "http://example.com/a" })]
    [InlineData("(see http://example.com/a)", new[] { "http://example.com/a" })]
    [InlineData("http://en.wikipedia.org/wiki/Primer_(film), great", new[] { "http://en.wikipedia.org/wiki/Primer_(film)" })]
    [InlineData("Is it http://example.com?", new[] { "http://example.com" })]
    [InlineData("http://example.com/search?q=chat&lang=en!", new[] { "http://example.com/search?q=chat&lang=en" })]
    [InlineData("http://localhost:8080/x is no URL, example.com:8080/x is", new[] { "example.com:8080/x" })]
    [InlineData("www.bmj.com and bit.ly/abc and nhs.uk", new[] { "www.bmj.com", "bit.ly/abc", "nhs.uk" })]
    [InlineData("file.txt, notes.docx and v1.2 are not URLs", new string[0])]
    [InlineData("someone@example.com", new string[0])]
    [InlineData("http://t.co/abc123's", new[] { "http://t.co/abc123" })]
    [InlineData("http://xn--bcher-kva.de, http://example.xn--p1ai and bücher.de", new[] { "http://xn--bcher-kva.de", "http://example.xn--p1ai", "bücher.de" })]
    public void Urls_follow_twitter_text(string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.ExtractUrls(text));

    [Fact]
    public void A_url_longer_than_4096_characters_is_none()
    {
        var path = new string('a', 4100);

        Assert.Empty(EntityExtractor.ExtractUrls($"https://example.com/{path}"));
    }

    [Fact]
    public void Extraction_keeps_up_with_text_that_could_make_a_pattern_backtrack()
    {
        var text = "http://example.com/" + new string('.', 20_000) + " " + string.Concat(Enumerable.Repeat("a.", 5_000));

        Assert.Equal(["http://example.com/"], EntityExtractor.ExtractUrls(text));
    }
}
