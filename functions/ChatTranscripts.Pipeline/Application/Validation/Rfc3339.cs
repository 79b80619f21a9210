using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>
/// Strict RFC 3339 date-times: a date, a time and an explicit offset, in ASCII digits; nothing looser. <c>\z</c>, not
/// <c>$</c>, ends the pattern: .NET's <c>$</c> also matches before a final newline.
/// </summary>
public static partial class Rfc3339
{
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex Shape();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        // .NET keeps 7 fractional digits; RFC 3339 allows more, so extra precision is dropped, not rejected.
        var normalised = FractionTooLong().Replace(text, m => m.Value[..8]);
        if (!DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        value = parsed.ToUniversalTime();
        return IsInRange(value);
    }

    /// <summary>Far-off years would overflow the arithmetic of session windows; no chat happens before 1970 or after 9000.</summary>
    public static bool IsInRange(DateTimeOffset utc) => utc.Year is >= 1970 and < 9000;

    [GeneratedRegex(@"\.[0-9]{8,9}")]
    private static partial Regex FractionTooLong();
}
