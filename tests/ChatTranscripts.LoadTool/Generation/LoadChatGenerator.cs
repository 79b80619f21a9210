using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.LoadTool.Storage;

namespace ChatTranscripts.LoadTool.Generation;

/// <summary>
/// Generates a live one-hour chat of any size, shaped like the demo #bmcmed chat: a moderator asking Q1..Q4, labelled
/// answers, reply chains (many replies without the hashtag, which belong only through their thread), chatter, three
/// platforms, about one post in a hundred edited, and every delivery shuffled so replies often arrive before their parents.
/// </summary>
/// <remarks>
/// Every run gets its own session id, hashtag and post ids, so runs against the same storage never see each other's posts
/// (the seed fixes only the text and the shape). The session is live: it started 55 minutes before the run, ends an hour after
/// it starts, and its posts were written up to a little before it, as when a sender catches up with a chat in progress.
/// </remarks>
internal sealed class LoadChatGenerator
{
    private const double EditShare = 0.01;
    private const double ReplyWithoutHashtag = 0.4;
    private const int QuestionCount = 4;

    private static readonly string[] Urls =
    [
        "https://www.jmir.org/2012/4/e85/",
        "https://socialmedia.mayoclinic.org/guidelines-for-mayo-clinic-employees/",
        "http://bmcmedicine.biomedcentral.com/articles/10.1186/1741-7015-10-88",
        "https://www.nhs.uk/conditions/lupus/",
    ];

    private static readonly string[] SideHashtags = ["#hcsm", "#MedEd", "#FOAMed", "#digitalhealth", "#PublicHealth"];

    private readonly Random _random;
    private readonly DemoText _demo;
    private readonly string _hashtag;
    private readonly long _idBase;
    private readonly ChatAuthor[] _public;
    private readonly Dictionary<string, ChatAuthor[]> _publicByPlatform;
    private readonly List<(WirePost Post, DateTimeOffset CreatedAt, bool Edited, int DependsOn)> _posts = [];
    private readonly List<int> _replies = [];

    private LoadChatGenerator(DemoText demo, int postCount, int seed, string runTag, long idBase)
    {
        _random = new Random(seed);
        _demo = demo;
        _hashtag = "#bmcmed" + runTag;
        _idBase = idBase;
        // About one author per ten posts, as in busy chats; the demo's cast first, then voices modelled on them.
        var extra = Math.Max(0, (postCount / 10) - demo.Cast.Count);
        _public = [.. demo.Cast, .. Enumerable.Range(1, extra).Select(NewAuthor)];
        _publicByPlatform = _public.GroupBy(a => a.Platform, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static LoadChat Generate(int postCount, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(postCount, QuestionCount);
        // The run's identity comes from the clock and a fresh random number, never from the seed: two runs with one seed
        // must still not share a session, a hashtag or a post id.
        var runNumber = Random.Shared.NextInt64(0, 10_000_000_000);
        var runTag = runNumber.ToString("x", CultureInfo.InvariantCulture);
        var sessionId = $"load-{now.UtcDateTime:yyyyMMdd-HHmmss}-{runTag}";
        return new LoadChatGenerator(DemoText.Load(), postCount, seed, runTag, 1_900_000_000_000_000_000 + (runNumber * 100_000_000))
            .Run(sessionId, postCount, now);
    }

    private LoadChat Run(string sessionId, int postCount, DateTimeOffset now)
    {
        // Whole seconds throughout: the wire format carries no fractions, so expected edit times compare exactly with stored ones.
        var nowSecond = WholeSecond(now);
        var startsAt = nowSecond.AddMinutes(-55);
        // An hour after the run starts, not five minutes: a 100,000-post run outlasts five minutes, and a session that ended
        // mid-run would be published as final under the load and leave the probes' posts outside its window.
        var endsAt = nowSecond.AddHours(1);
        var first = startsAt.AddMinutes(-5);
        var last = nowSecond.AddSeconds(-30);
        var questions = _demo.Questions.Take(QuestionCount).ToList();
        var questionEvery = TimeSpan.FromMinutes(13);

        var asked = 0;
        for (var i = 0; i < postCount; i++)
        {
            var at = WholeSecond(first + ((last - first) * i / postCount));
            var remaining = postCount - i;
            var questionDue = asked < QuestionCount && (at >= startsAt + TimeSpan.FromMinutes(1) + (questionEvery * asked) || remaining <= QuestionCount - asked);
            if (questionDue)
            {
                asked++;
                Add(NewPost(_demo.Moderator, $"Q{asked}: {questions[asked - 1]} {_hashtag}", at, "en"), at, isReply: false, editable: false);
                continue;
            }
            var roll = _random.NextDouble();
            if (roll < 0.35 && _posts.Count > 0)
            {
                Reply(at, asked);
            }
            else if (roll < 0.75 && asked > 0)
            {
                Answer(at, asked);
            }
            else
            {
                Chatter(at);
            }
        }

        var expected = _posts.Select(p => new ExpectedPost(p.Post.Platform, p.Post.Id)).ToList();
        var deliveries = _posts.Select((p, index) => new Delivery(index, p.Post)).ToList();
        foreach (var index in Enumerable.Range(0, _posts.Count).Where(i => _posts[i].Edited))
        {
            var (post, created, _, _) = _posts[index];
            // An edit a few minutes later, never after now; the text keeps its hashtag, so the post stays in the session.
            var editedAt = Min(created.AddSeconds(_random.Next(30, 240)), nowSecond);
            deliveries.Add(new Delivery(index, post with { Text = post.Text + " (edited: fixed a typo)", EditedAt = Rfc3339(editedAt) }));
            expected[index] = expected[index] with { EditedAt = editedAt };
        }
        Shuffle(deliveries);

        var session = new SessionBody(
            $"Load test {sessionId}",
            "Generated by tests/ChatTranscripts.LoadTool: a live chat shaped like the demo #bmcmed chat.",
            [_hashtag],
            Rfc3339(startsAt),
            Rfc3339(endsAt),
            "Europe/London",
            [_demo.Moderator.Handle],
            _demo.Guests.Select(g => g.Handle).ToList(),
            questions);
        return new LoadChat(sessionId, session, deliveries, expected, _posts.Select(p => p.DependsOn).ToList());
    }

    private void Answer(DateTimeOffset at, int currentQuestion)
    {
        var author = PickAuthor();
        // Most answer the question just asked; some catch up on an earlier one.
        var number = _random.NextDouble() < 0.85 ? currentQuestion : _random.Next(1, currentQuestion + 1);
        var (lang, body) = Body();
        var text = _random.Next(6) switch
        {
            0 => $"A{number} {body} {_hashtag}",
            1 => $"A{number} - {body} {_hashtag}",
            2 => $".@{_demo.Moderator.Handle} A{number}: {body} {_hashtag}",
            3 => $"{_hashtag} A{number} – {body}",
            _ => $"A{number}: {body} {_hashtag}",
        };
        Add(NewPost(author, text, at, lang), at, isReply: false);
    }

    /// <summary>
    /// Half the replies continue one of the latest conversations, which builds chains; the rest answer any recent post.
    /// A reply stays on its parent's platform, and many forget the hashtag: they belong only through their thread.
    /// </summary>
    private void Reply(DateTimeOffset at, int currentQuestion)
    {
        var parentIndex = _random.NextDouble() < 0.5 && _replies.Count > 0
            ? _replies[_replies.Count - 1 - _random.Next(Math.Min(_replies.Count, 6))]
            : _posts.Count - 1 - _random.Next(Math.Min(_posts.Count, 200));
        var parent = _posts[parentIndex].Post;
        var author = PickAuthor(parent.Platform);
        var (lang, body) = Body();
        var label = currentQuestion > 0 && _random.NextDouble() < 0.15 ? $"A{currentQuestion}: " : "";
        var hashtag = _random.NextDouble() < ReplyWithoutHashtag ? "" : " " + _hashtag;
        var reply = NewPost(author, $"@{parent.Author.Handle} {label}{body}{hashtag}", at, lang) with
        {
            InReplyToId = parent.Id,
            InReplyToHandle = parent.Author.Handle,
        };
        Add(reply, at, isReply: true, dependsOn: hashtag.Length == 0 ? parentIndex : -1);
    }

    private void Chatter(DateTimeOffset at)
    {
        var author = PickAuthor();
        var (lang, body) = Body();
        Add(NewPost(author, _random.NextDouble() < 0.2 ? $"{_hashtag} {body}" : $"{body} {_hashtag}", at, lang), at, isReply: false);
    }

    private void Add(WirePost post, DateTimeOffset createdAt, bool isReply, bool editable = true, int dependsOn = -1)
    {
        _posts.Add((post, createdAt, editable && _random.NextDouble() < EditShare, dependsOn));
        if (isReply)
        {
            _replies.Add(_posts.Count - 1);
        }
    }

    /// <summary>The moderator and guests post often, the public on a skewed curve; with a platform, someone on it.</summary>
    private ChatAuthor PickAuthor(string? platform = null)
    {
        var roll = _random.NextDouble();
        if (roll < 0.03 && platform is null or "twitter")
        {
            return _demo.Moderator;
        }
        if (roll < 0.10 && platform is null or "twitter")
        {
            return _demo.Guests[_random.Next(_demo.Guests.Count)];
        }
        var authors = platform is null ? _public : _publicByPlatform[platform];
        return authors[(int)(Math.Pow(_random.NextDouble(), 2.5) * authors.Length)];
    }

    /// <summary>A demo sentence, sometimes two to four, sometimes with a link or a side hashtag.</summary>
    private (string Lang, string Body) Body()
    {
        var body = _demo.Bodies[_random.Next(_demo.Bodies.Count)];
        if (_random.NextDouble() < 0.05)
        {
            body = string.Join(" ", Enumerable.Range(0, _random.Next(2, 5)).Select(_ => _demo.Bodies[_random.Next(_demo.Bodies.Count)]));
        }
        if (_random.NextDouble() < 0.15)
        {
            body += " " + Urls[_random.Next(Urls.Length)];
        }
        if (_random.NextDouble() < 0.15)
        {
            body += " " + SideHashtags[_random.Next(SideHashtags.Length)];
        }
        return ("en", body);
    }

    private WirePost NewPost(ChatAuthor author, string text, DateTimeOffset at, string lang)
    {
        var sequence = _posts.Count + 1;
        var number = (_idBase + sequence).ToString(CultureInfo.InvariantCulture);
        var (id, url) = author.Platform switch
        {
            "mastodon" => (number, $"https://{author.Handle[(author.Handle.IndexOf('@', StringComparison.Ordinal) + 1)..]}/@{author.Handle[..author.Handle.IndexOf('@', StringComparison.Ordinal)]}/{number}"),
            "bluesky" => BlueskyId(author, sequence),
            _ => (number, $"https://twitter.com/{author.Handle}/status/{number}"),
        };
        return new WirePost(author.Platform, id, new WireAuthor(author.Handle, author.DisplayName), text, Rfc3339(at), Url: url, Lang: lang);
    }

    /// <summary>As the Jetstream relay names Bluesky posts: the author's DID and a record key.</summary>
    private (string Id, string Url) BlueskyId(ChatAuthor author, int sequence)
    {
        var did = "did:plc:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(author.Handle)))[..24];
        var rkey = "3l" + (_idBase + sequence).ToString("x13", CultureInfo.InvariantCulture);
        return ($"{did}/{rkey}", $"https://bsky.app/profile/{author.Handle}/post/{rkey}");
    }

    /// <summary>Another voice modelled on one of the demo's, mostly on X, some on Mastodon and Bluesky.</summary>
    private ChatAuthor NewAuthor(int n)
    {
        var model = _demo.Cast[n % _demo.Cast.Count];
        var name = model.Handle.Split('@', '.')[0];
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.80 => new ChatAuthor("twitter", $"{name}{n}", model.DisplayName),
            < 0.95 => new ChatAuthor("mastodon", $"{name}{n}@mastodon.social", model.DisplayName),
            _ => new ChatAuthor("bluesky", $"{name}{n}.bsky.social", model.DisplayName),
        };
    }

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
