using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.X;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

/// <summary>The routes' answers, with the queue replaced by one that records each send.</summary>
public sealed class XWebhookEndpointsTests
{
    private const string Secret = "__APP_SECRET__";

    private readonly RecordingQueue _queue = new();

    private XWebhookEndpoints Endpoints(string? secret = Secret) =>
        new(new XSignature(Options.Create(new XWebhookOptions { ConsumerSecret = secret })), new DeliveryReceiver(new IngestQueue(_queue, NullLogger<IngestQueue>.Instance)));

    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddOptions().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static HttpRequest Post(byte[] body, string? signature)
    {
        var request = Context().Request;
        request.Method = "POST";
        request.ContentType = "application/json";
        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body);
        if (signature is not null)
        {
            request.Headers[XSignature.SignatureHeader] = signature;
        }
        return request;
    }

    private static string Sign(byte[] body) => WebhookRequestSigner.XSignature(Secret, body);

    private static async Task<(int Status, string Body, string? ContentType)> Execute(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(), context.Response.ContentType);
    }

    [Fact]
    public async Task The_crc_challenge_is_answered_with_the_documented_body()
    {
        var crc = JsonDocument.Parse(File.ReadAllText(XPayloads.Path("x-aaa-signature-vectors.json"))).RootElement.GetProperty("crc_challenge");
        var context = Context();
        context.Request.QueryString = QueryString.Create("crc_token", crc.GetProperty("crc_token").GetString()!);

        var (status, body, _) = await Execute(await Endpoints().CrcAsync(context.Request, TestContext.Current.CancellationToken), context);

        Assert.Equal(200, status);
        Assert.Equal(crc.GetProperty("expected_response_body").GetString(), body);
    }

    [Fact]
    public async Task A_crc_challenge_without_a_token_is_the_callers_mistake()
    {
        var context = Context();

        var (status, body, contentType) = await Execute(await Endpoints().CrcAsync(context.Request, TestContext.Current.CancellationToken), context);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("crc_token", out _));
    }

    [Theory]
    [InlineData("{\"tweet_create_events\":[]}")]
    [InlineData("[]")]
    [InlineData("\"s\"")]
    [InlineData("a b")]
    [InlineData("a\n")]
    [InlineData("a\u0000")]
    [InlineData("ñ")]
    public async Task A_crc_token_that_is_not_shaped_like_x_sends_them_is_refused_naming_it(string token)
    {
        var context = Context();
        context.Request.QueryString = QueryString.Create("crc_token", token);

        var (status, body, contentType) = await Execute(await Endpoints().CrcAsync(context.Request, TestContext.Current.CancellationToken), context);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("crc_token", out _));
    }

    /// <summary>
    /// The CRC answer signs the token exactly as a delivery of that body would be signed, so no token answered may be
    /// a body that holds anything: tried over every short string of the characters JSON is built from.
    /// </summary>
    [Fact]
    public async Task No_token_that_is_answered_is_a_json_object_or_array()
    {
        const string alphabet = "{}[]\":,ab1_-=+/ .\\e";
        var random = new Random(12);
        var answered = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var token = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var context = Context();
            context.Request.QueryString = QueryString.Create("crc_token", token);
            var (status, _, _) = await Execute(await Endpoints().CrcAsync(context.Request, TestContext.Current.CancellationToken), context);
            if (status != 200)
            {
                continue;
            }
            answered++;
            Assert.False(IsJsonContainer(token), $"answered a CRC for a body that is JSON holding fields: {token}");
        }
        Assert.InRange(answered, 1, 4_999);
    }

    private static bool IsJsonContainer(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Without_a_consumer_secret_both_routes_say_what_to_configure()
    {
        var context = Context();
        context.Request.QueryString = QueryString.Create("crc_token", "t");
        var crc = await Execute(await Endpoints(secret: null).CrcAsync(context.Request, TestContext.Current.CancellationToken), context);
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json"));
        var postRequest = Post(body, Sign(body));
        var post = await Execute(await Endpoints(secret: null).ReceiveAsync(postRequest, TestContext.Current.CancellationToken), postRequest.HttpContext);

        Assert.Equal(503, crc.Status);
        Assert.Contains("Webhooks:X:ConsumerSecret", crc.Body, StringComparison.Ordinal);
        Assert.Equal(503, post.Status);
        Assert.Empty(_queue.Sends);
    }

    [Fact]
    public async Task A_signed_delivery_is_queued_as_one_message_known_by_its_content()
    {
        var body = Encoding.UTF8.GetBytes(XPayloads.TweetCreateEvents(XPayloads.Tweet("twitter-v1.1-reply-mentions-url.json"), XPayloads.Tweet("twitter-v1.1-retweet.json")).ToJsonString());
        var request = Post(body, Sign(body));

        var (status, responseBody, _) = await Execute(await Endpoints().ReceiveAsync(request, TestContext.Current.CancellationToken), request.HttpContext);

        Assert.Equal(200, status);
        Assert.Equal(2, JsonDocument.Parse(responseBody).RootElement.GetProperty("accepted").GetInt32());
        var send = Assert.Single(_queue.Sends);
        Assert.Equal(["674322457717694469", "967465567773839360"], PipelineMessage.Decode(send.Body)!.Posts.Select(p => p.Id));
        Assert.StartsWith("x:sha256:", send.MessageId, StringComparison.Ordinal);

        var retry = Post(body, Sign(body));
        await Execute(await Endpoints().ReceiveAsync(retry, TestContext.Current.CancellationToken), retry.HttpContext);
        Assert.Equal(send.MessageId, _queue.Sends[1].MessageId);
    }

    [Fact]
    public async Task The_real_signed_delete_delivery_is_queued_as_a_deletion()
    {
        var vector = JsonDocument.Parse(File.ReadAllText(XPayloads.Path("x-aaa-signature-vectors.json"))).RootElement.GetProperty("post_signature");
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json"));
        var request = Post(body, vector.GetProperty("expected").GetString());

        var (status, _, _) = await Execute(await Endpoints().ReceiveAsync(request, TestContext.Current.CancellationToken), request.HttpContext);

        Assert.Equal(200, status);
        var message = PipelineMessage.Decode(Assert.Single(_queue.Sends).Body)!;
        Assert.Empty(message.Posts);
        Assert.Equal("1045405559317569537", Assert.Single(message.Deletions).Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=fN0FZVManGRnnMhAWWT/UI58TXGACAt7RY5H2/akMa4=")]
    public async Task An_unsigned_or_wrongly_signed_delivery_is_refused_and_nothing_is_queued(string? signature)
    {
        var body = Encoding.UTF8.GetBytes("""{"for_user_id":"1","tweet_delete_events":[{"status":{"id":"1","user_id":"1"}}]}""");
        var request = Post(body, signature);

        var (status, _, contentType) = await Execute(await Endpoints().ReceiveAsync(request, TestContext.Current.CancellationToken), request.HttpContext);

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Empty(_queue.Sends);
    }

    [Fact]
    public async Task An_ignored_event_is_acknowledged_without_queueing()
    {
        var body = Encoding.UTF8.GetBytes("""{"for_user_id":"1","favorite_events":[{"id":"a"}]}""");
        var request = Post(body, Sign(body));

        var (status, responseBody, _) = await Execute(await Endpoints().ReceiveAsync(request, TestContext.Current.CancellationToken), request.HttpContext);

        Assert.Equal(200, status);
        Assert.Equal(0, JsonDocument.Parse(responseBody).RootElement.GetProperty("accepted").GetInt32());
        Assert.Empty(_queue.Sends);
    }

    [Fact]
    public async Task A_queue_outage_is_a_503_and_not_the_callers_fault()
    {
        _queue.Failure = new TimeoutException("queue down");
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json"));
        var request = Post(body, Sign(body));

        var (status, _, _) = await Execute(await Endpoints().ReceiveAsync(request, TestContext.Current.CancellationToken), request.HttpContext);

        Assert.Equal(503, status);
    }

    private sealed class RecordingQueue : IPostQueue
    {
        public List<OutgoingMessage> Sends { get; } = [];

        public Exception? Failure { get; set; }

        public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }
            Sends.Add(message);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AbandonAsync(ReceivedMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
