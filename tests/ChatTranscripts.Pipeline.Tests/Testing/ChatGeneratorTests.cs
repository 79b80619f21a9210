using ChatTranscripts.Testing.Chats;

namespace ChatTranscripts.Pipeline.Tests.Testing;

/// <summary>The generated chats the benchmarks compare run to run: fixed by their seed, and shown as the generator meant.</summary>
public sealed class ChatGeneratorTests
{
    [Fact]
    public void One_seed_gives_the_same_chat_every_time_and_another_seed_another()
    {
        var first = ChatGenerator.Generate(600);
        var again = ChatGenerator.Generate(600);
        var other = ChatGenerator.Generate(600, new ChatShape { Seed = ChatShape.DefaultSeed + 1 });

        Assert.Equal(first.Posts, again.Posts);
        Assert.Equal(first.Session.Questions, again.Session.Questions);
        Assert.NotEqual(first.Posts.Select(p => p.Text), other.Posts.Select(p => p.Text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(600)]
    [InlineData(12_000)]
    public void The_transcript_shows_exactly_the_posts_asked_for(int posts)
    {
        var chat = ChatGenerator.Generate(posts);

        Assert.Equal(posts, chat.ToTranscript().Stats.Posts);
        Assert.Equal(posts, chat.ShownPosts);
    }
}
