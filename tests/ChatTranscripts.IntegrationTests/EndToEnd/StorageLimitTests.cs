using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Pipeline.Adapters.Connections;
using ChatTranscripts.Pipeline.Adapters.Tables;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Tagging;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.EndToEnd;

/// <summary>
/// Every limit the API accepts can be stored: the worst case at each limit goes through the real pipeline into
/// Azurite and is read back, and one past each limit is a 400 naming the field. Table Storage allows 64 KiB per string
/// property, 1 MiB per entity and 4 MiB per batch transaction.
/// </summary>
public sealed class StorageLimitTests(AzuriteFixture azurite)
{
    private const int MaxBatchTransactionBytes = 4 * 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2012, 8, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_largest_session_definition_is_stored_read_back_and_published()
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        var session = WorstCase.Session();

        using var put = await api.Client.PutAsJsonAsync("/api/sessions/largest", session);
        Assert.True(put.StatusCode == HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
        using var replace = await api.Client.PutAsJsonAsync("/api/sessions/largest", session);
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);

        var stored = await api.SessionAsync("largest");
        Assert.Equal(session["title"]!.GetValue<string>(), stored.GetProperty("title").GetString());
        Assert.Equal(session["description"]!.GetValue<string>(), stored.GetProperty("description").GetString());
        Assert.Equal(session["questions"]!.AsArray().Select(q => q!.GetValue<string>()), stored.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(SessionReader.MaxHandles, stored.GetProperty("guests").GetArrayLength());
        var transcript = await api.PublishAsync("largest");
        Assert.Equal(session["title"]!.GetValue<string>(), transcript.RootElement.GetProperty("session").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_shorter_definition_replaces_a_longer_one_whole()
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);

        await api.PutSessionAsync("shrinks", WorstCase.Session());
        await api.PutSessionAsync("shrinks", ChatApi.Session());

        var stored = await api.SessionAsync("shrinks");
        Assert.Equal(ChatApi.Session()["title"]!.GetValue<string>(), stored.GetProperty("title").GetString());
        Assert.Equal(["How have you seen social media used?"], stored.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task The_densest_post_at_every_limit_is_stored_read_back_and_published()
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("densest", ChatApi.Session(WorstCase.SessionHashtag));
        var sent = WorstCase.Texts.Values.Select((text, i) => WorstCase.Post($"densest-{i}", text, Start.AddMinutes(5 + i))).ToList();

        foreach (var post in sent)
        {
            // One post a request: the largest is over a third of the 1 MiB body limit as JSON.
            await api.PostAsync(post);
        }
        await api.ProcessedAsync();

        var stored = await host.Services.GetRequiredService<SessionPostStore>().LoadAsync("densest", CancellationToken.None);
        Assert.Equal(sent.Count, stored.Count);
        foreach (var post in sent)
        {
            var match = Assert.Single(stored, p => p.Post.Id == post["id"]!.GetValue<string>());
            Assert.Equal(post["text"]!.GetValue<string>(), match.Post.Text);
            Assert.Equal(post["author"]!["displayName"]!.GetValue<string>(), match.Post.Author.DisplayName);
            var expected = EntityExtractor.Extract(match.Post.Text);
            Assert.Equal(expected.Hashtags, match.Entities.Hashtags);
            Assert.Equal(expected.Mentions, match.Entities.Mentions);
            Assert.Equal(expected.Urls, match.Entities.Urls);
        }
        Assert.Equal(sent.Count, (await api.SessionAsync("densest")).GetProperty("postCount").GetInt32());
        var transcript = await api.PublishAsync("densest");
        Assert.Equal(sent.Count, transcript.RootElement.GetProperty("posts").GetArrayLength());
    }

    /// <summary>
    /// A hundred of the densest posts in one processing batch, one session partition: more than a batch transaction
    /// may carry, so the writes must be split by size as well as by count. Every batch request is measured on the wire.
    /// </summary>
    [Fact]
    public async Task A_batch_of_the_densest_posts_is_split_into_transactions_under_4_MiB_and_stored_whole()
    {
        var recorder = new BatchSizes();
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options => options.AddPolicy(recorder, HttpPipelinePosition.PerRetry));
        await using var services = PipelineServices.Create(azurite, configure: s => s.AddSingleton(account));
        await services.GetRequiredService<PipelineTables>().EnsureCreatedAsync(CancellationToken.None);
        await services.GetRequiredService<SessionStore>().SaveDefinitionAsync("batch", new SessionDefinition
        {
            Title = "batch",
            Hashtags = [WorstCase.SessionHashtag],
            StartsAt = Start,
            EndsAt = Start.AddHours(1),
        }, CancellationToken.None);
        var text = WorstCase.Texts["one hashtag of astral letters"];
        var messages = Enumerable.Range(0, 100)
            .Select(i => PostReader.ReadPost(JsonDocument.Parse(WorstCase.Post($"batch-{i}", text, Start.AddMinutes(i % 60)).ToJsonString()).RootElement, "", new()))
            .Select(post => PipelineMessage.Delivery([Assert.IsType<CanonicalPost>(post)], []))
            .ToList();

        await services.GetRequiredService<PostProcessor>().ProcessAsync(messages, CancellationToken.None);

        Assert.Equal(100, (await services.GetRequiredService<SessionPostStore>().LoadAsync("batch", CancellationToken.None)).Count);
        Assert.Equal(100, (await services.GetRequiredService<SessionStore>().GetAsync("batch", CancellationToken.None))!.PostCount);
        Assert.NotEmpty(recorder.Sizes);
        Assert.All(recorder.Sizes, size => Assert.InRange(size, 1, MaxBatchTransactionBytes));
    }

    public static TheoryData<string, string> OverTheLimit => new()
    {
        { "text", Repeat("😀", PostReader.MaxTextLength + 1) },
        { "id", new string('/', PostReader.MaxIdLength + 1) },
        { "author.handle", Repeat(WorstCase.AstralScriptLetter, PostReader.MaxHandleLength + 1) },
        { "author.displayName", Repeat(WorstCase.AstralScriptLetter, 201) },
        { "inReplyToId", new string('%', PostReader.MaxIdLength + 1) },
        { "quotedId", new string('#', PostReader.MaxIdLength + 1) },
        { "url", "https://example.org/?" + new string('&', 2048) },
        { "lang", "abc-abcdefgh-abcdefgh-abcdefgh-abcde" },
        { "platform", new string('p', 33) },
    };

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public async Task One_past_a_post_limit_is_a_400_naming_the_field_and_nothing_is_stored(string field, string value)
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        await api.PutSessionAsync("over", ChatApi.Session(WorstCase.SessionHashtag));
        var post = WorstCase.Post("over", WorstCase.Texts["emoji"], Start.AddMinutes(5));
        var parts = field.Split('.');
        (parts.Length == 1 ? post : post[parts[0]]!.AsObject())[parts[^1]] = value;

        using var response = await api.Client.SendSignedAsync(HttpMethod.Post, "/api/posts", post.ToJsonString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        await api.ProcessedAsync();
        Assert.Equal(0, (await api.SessionAsync("over")).GetProperty("postCount").GetInt32());
    }

    public static TheoryData<string, JsonNode, string> SessionOverTheLimit => new()
    {
        { "title", Repeat(WorstCase.AstralScriptLetter, SessionReader.MaxTitleLength + 1), "title" },
        { "description", Repeat(WorstCase.AstralScriptLetter, SessionReader.MaxDescriptionLength + 1), "description" },
        { "hashtags", new JsonArray("a", "b", "c", "d", "e", "f"), "hashtags" },
        { "hashtags", new JsonArray(new string('a', WorstCase.MaxSessionHashtagLength + 1)), "hashtags[0]" },
        { "moderators", new JsonArray(Enumerable.Range(0, SessionReader.MaxHandles + 1).Select(i => (JsonNode)$"m{i}").ToArray()), "moderators" },
        { "guests", new JsonArray(Repeat(WorstCase.AstralScriptLetter, PostReader.MaxHandleLength + 1)), "guests[0]" },
        { "questions", new JsonArray(Enumerable.Range(0, SessionReader.MaxQuestions + 1).Select(i => (JsonNode)$"q{i}").ToArray()), "questions" },
        { "questions", new JsonArray(Repeat(WorstCase.AstralScriptLetter, SessionReader.MaxQuestionLength + 1)), "questions[0]" },
        { "timeZone", new string('a', 65), "timeZone" },
    };

    [Theory]
    [MemberData(nameof(SessionOverTheLimit))]
    public async Task One_past_a_session_limit_is_a_400_naming_the_field_and_nothing_is_stored(string field, JsonNode value, string reported)
    {
        await using var host = new LocalHostFactory(azurite);
        using var api = new ChatApi(host);
        var session = WorstCase.Session();
        session[field] = value.DeepClone();

        using var response = await api.Client.PutAsJsonAsync("/api/sessions/over", session);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(reported, out _), body);
        using var missing = await api.Client.GetAsync(new Uri("/api/sessions/over", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    /// <summary>The body size of every table batch transaction request, as sent.</summary>
    private sealed class BatchSizes : HttpPipelinePolicy
    {
        private readonly List<long> _sizes = [];

        public IReadOnlyList<long> Sizes
        {
            get
            {
                lock (_sizes)
                {
                    return [.. _sizes];
                }
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (!message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                return;
            }
            using var buffer = new MemoryStream();
            message.Request.Content!.WriteTo(buffer, CancellationToken.None);
            lock (_sizes)
            {
                _sizes.Add(buffer.Length);
            }
        }
    }
}
