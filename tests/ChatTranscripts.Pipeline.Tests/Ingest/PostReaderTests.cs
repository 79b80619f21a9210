using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests.Ingest;

public sealed class PostReaderTests
{
    private const string Valid = """
        {"platform":"twitter","id":"232468011478450176","author":{"handle":"@FarrisTimimi","displayName":"Farris Timimi"},
         "text":"A1: Patients already search online #bmcmed","createdAt":"2012-08-06T13:04:31+01:00",
         "inReplyToId":"232467001234567890","url":"https://twitter.com/FarrisTimimi/status/232468011478450176","lang":"en"}
        """;

    [Fact]
    public void A_valid_post_is_normalised()
    {
        var (posts, errors) = Read(Valid);

        Assert.True(errors.IsEmpty);
        var post = Assert.Single(posts);
        Assert.Equal("FarrisTimimi", post.Author.Handle);
        Assert.Equal(new DateTimeOffset(2012, 8, 6, 12, 4, 31, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(TimeSpan.Zero, post.CreatedAt.Offset);
        Assert.Equal("232467001234567890", post.InReplyToId);
    }

    [Theory]
    [InlineData("""{"author":{"handle":"someone","followers":0}}""", 0L)]
    [InlineData("""{"author":{"handle":"someone","followers":368872}}""", 368872L)]
    [InlineData("""{"author":{"handle":"someone","followers":4.0}}""", 4L)]
    [InlineData("""{"author":{"handle":"someone","followers":null}}""", null)]
    [InlineData("""{"author":{"handle":"someone"}}""", null)]
    public void An_authors_follower_count_is_kept_when_sent(string overrides, long? followers)
    {
        var (posts, errors) = Read(JsonMerge.With(Valid, overrides));

        Assert.True(errors.IsEmpty);
        Assert.Equal(followers, Assert.Single(posts).Author.Followers);
    }

    [Theory]
    [InlineData("""{"platform":"Twitter"}""", "platform")]
    [InlineData("""{"platform":"a b"}""", "platform")]
    [InlineData("""{"id":""}""", "id")]
    [InlineData("""{"id":232468011478450176}""", "id")]
    [InlineData("""{"author":{"handle":""}}""", "author.handle")]
    [InlineData("""{"author":"FarrisTimimi"}""", "author")]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"createdAt":"2012-08-06 13:04"}""", "createdAt")]
    [InlineData("""{"createdAt":"2012-08-06T13:04:31"}""", "createdAt")]
    [InlineData("""{"createdAt":"2012-13-06T13:04:31Z"}""", "createdAt")]
    [InlineData("""{"url":"javascript:alert(1)"}""", "url")]
    [InlineData("""{"url":"/relative"}""", "url")]
    [InlineData("""{"lang":"english language"}""", "lang")]
    [InlineData("""{"editedAt":"yesterday"}""", "editedAt")]
    [InlineData("""{"inReplyToId":""}""", "inReplyToId")]
    [InlineData("""{"text":"nul \u0000 byte"}""", "text")]
    [InlineData("""{"text":"noncharacter \uffff"}""", "text")]
    [InlineData("""{"text":"noncharacter \ufdd0"}""", "text")]
    [InlineData("""{"author":{"handle":"someone","displayName":"astral noncharacter \ud83f\udfff"}}""", "author.displayName")]
    [InlineData("""{"createdAt":"0001-01-01T00:00:00Z"}""", "createdAt")]
    [InlineData("""{"createdAt":"9999-12-31T23:59:59Z"}""", "createdAt")]
    [InlineData("""{"platform":"twitter\n"}""", "platform")]
    [InlineData("""{"createdAt":"2012-08-06T13:04:31Z\n"}""", "createdAt")]
    [InlineData("""{"editedAt":"2012-08-06T13:04:31+01:00\n"}""", "editedAt")]
    [InlineData("""{"lang":"en\n"}""", "lang")]
    [InlineData("""{"createdAt":"٢٠١٢-08-06T13:04:31Z"}""", "createdAt")]
    [InlineData("""{"createdAt":"2012-08-06T13:04:31.١Z"}""", "createdAt")]
    [InlineData("""{"createdAt":"２０１２-08-06T13:04:31Z"}""", "createdAt")]
    [InlineData("""{"author":{"handle":"someone","followers":-1}}""", "author.followers")]
    [InlineData("""{"author":{"handle":"someone","followers":12.5}}""", "author.followers")]
    [InlineData("""{"author":{"handle":"someone","followers":"120"}}""", "author.followers")]
    [InlineData("""{"author":{"handle":"someone","followers":1e30}}""", "author.followers")]
    public void Each_invalid_field_is_named(string overrides, string field)
    {
        var (posts, errors) = Read(JsonMerge.With(Valid, overrides));

        Assert.Empty(posts);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_as_invalid_text()
    {
        var (posts, errors) = Read(Valid.Replace("A1: Patients", "A1: \\ud83d Patients", StringComparison.Ordinal));

        Assert.Empty(posts);
        Assert.Equal(["text"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var (_, errors) = Read("{}");

        Assert.Equal(["author", "createdAt", "id", "platform", "text"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_longer_than_25000_characters_is_refused_and_emoji_count_once()
    {
        var (_, tooLong) = Read(JsonMerge.With(Valid, JsonSerializer.Serialize(new { text = new string('a', 25_001) })));
        var (accepted, emoji) = Read(JsonMerge.With(Valid, JsonSerializer.Serialize(new { text = string.Concat(Enumerable.Repeat("😀", 25_000)) })));

        Assert.Equal(["text"], tooLong.ToDictionary().Keys);
        Assert.True(emoji.IsEmpty);
        Assert.Single(accepted);
    }

    [Fact]
    public void In_a_batch_errors_carry_the_item_index_and_nothing_is_accepted()
    {
        var body = $"[{Valid},{JsonMerge.With(Valid, """{"createdAt":"soon"}""")},{Valid},{JsonMerge.With(Valid, """{"platform":null}""")}]";

        var (posts, errors) = Read(body);

        Assert.Empty(posts);
        Assert.Equal(["posts[1].createdAt", "posts[3].platform"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Batches_hold_1_to_100_posts(int count)
    {
        var (posts, errors) = Read("[" + string.Join(",", Enumerable.Repeat(Valid, count)) + "]");

        Assert.Empty(posts);
        Assert.Equal(["posts"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_batch_of_100_is_accepted()
    {
        var (posts, errors) = Read("[" + string.Join(",", Enumerable.Repeat(Valid, 100)) + "]");

        Assert.True(errors.IsEmpty);
        Assert.Equal(100, posts.Count);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"post\"")]
    [InlineData("[1]")]
    public void Bodies_that_are_not_posts_are_refused(string body)
    {
        var (posts, errors) = Read(body);

        Assert.Empty(posts);
        Assert.False(errors.IsEmpty);
    }

    private static (IReadOnlyList<CanonicalPost> Posts, ValidationErrors Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        return (PostReader.Read(document.RootElement, errors), errors);
    }
}
