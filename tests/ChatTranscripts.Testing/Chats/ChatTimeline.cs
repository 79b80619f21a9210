namespace ChatTranscripts.Testing.Chats;

/// <summary>
/// When a generated chat happens: the session's window, the span its posts are spread over (evenly, each up to 20
/// seconds late), and its questions, asked from <paramref name="FirstQuestion"/> every <paramref name="QuestionEvery"/>
/// (sooner when only as many posts are left as questions unasked, so every question is asked).
/// </summary>
public sealed record ChatTimeline(
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset FirstPost,
    DateTimeOffset LastPost,
    int Questions,
    DateTimeOffset FirstQuestion,
    TimeSpan QuestionEvery);
