namespace ChatTranscripts.Pipeline.Core;

/// <summary>The UTC hour an instant falls in: received posts are kept by the hour they were created in.</summary>
public static class UtcHour
{
    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
