using System.Globalization;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// Shows instants in a session's time zone. Everything is formatted with the invariant culture and explicit patterns,
/// so the page's bytes do not depend on the machine that renders them.
/// </summary>
internal sealed class SessionClock
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly TimeZoneInfo _zone;
    private readonly DateOnly _sessionDate;

    public SessionClock(string? timeZoneId, DateTime sessionStartUtc)
    {
        _zone = Resolve(timeZoneId);
        ZoneName = _zone == TimeZoneInfo.Utc ? "UTC" : timeZoneId!;
        _sessionDate = DateOnly.FromDateTime(Local(sessionStartUtc));
    }

    /// <summary>The IANA id shown to readers; "UTC" when the session's id is missing or unknown here.</summary>
    public string ZoneName { get; }

    public bool IsUtc => _zone == TimeZoneInfo.Utc;

    /// <summary>The value of a <c>time</c> element's <c>datetime</c> attribute.</summary>
    public static string MachineReadable(DateTime utc) =>
        AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);

    /// <summary>"UTC+01:00" for the zone's offset at that instant (daylight saving included).</summary>
    public string Offset(DateTime utc)
    {
        var offset = _zone.GetUtcOffset(AsUtc(utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return "UTC" + sign + offset.Duration().ToString("hh\\:mm", Invariant);
    }

    /// <summary>"13:04", or "7 Aug 00:04" when the post falls on another local day than the session's start.</summary>
    public string PostTime(DateTime utc)
    {
        var local = Local(utc);
        return DateOnly.FromDateTime(local) == _sessionDate
            ? local.ToString("HH:mm", Invariant)
            : local.ToString("d MMM HH:mm", Invariant);
    }

    /// <summary>"Monday 6 August 2012 13:04:31 UTC+01:00": the full instant, for a tooltip.</summary>
    public string FullTime(DateTime utc) =>
        Local(utc).ToString("dddd d MMMM yyyy HH:mm:ss", Invariant) + " " + Offset(utc);

    /// <summary>"Monday 6 August 2012".</summary>
    public string Date(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy", Invariant);

    /// <summary>"13:00".</summary>
    public string Time(DateTime utc) => Local(utc).ToString("HH:mm", Invariant);

    public bool SameDay(DateTime firstUtc, DateTime secondUtc) =>
        DateOnly.FromDateTime(Local(firstUtc)) == DateOnly.FromDateTime(Local(secondUtc));

    public static SessionClock Utc(DateTime sessionStartUtc) => new(null, sessionStartUtc);

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), _zone);

    /// <summary>Transcript times are UTC; a caller's unspecified kind is read as UTC rather than as the server's local time.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>An unknown zone must not stop a transcript from publishing; it is shown in UTC, and says so.</summary>
    private static TimeZoneInfo Resolve(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId is "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
