using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Finds URLs as twitter-text's extractUrls does, with and without a scheme. It reads the text left to right the way
/// twitter-text's URL pattern is matched: a candidate starts after a character that may precede a URL (or at the start
/// of the text), then takes an optional http(s) scheme, a domain ending in a known top-level domain, an optional port,
/// path and query. Candidates that twitter-text drops afterwards (a scheme-less domain glued to "-", "_", "." or "/",
/// an over-long t.co slug, an invalid internationalised host, over 4096 characters) still consume their text.
/// </summary>
internal static class UrlScanner
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int MaxHostLabelLength = 63;

    /// <summary>A host name of at most 253 characters has at most 127 labels.</summary>
    private const int MaxLabels = 127;

    /// <summary>twitter-text checks the length of a scheme-less URL as if "https://" were written before it.</summary>
    private const int AssumedSchemeLength = 8;

    public static List<TextEntity> Scan(string text)
    {
        var urls = new List<TextEntity>();
        if (!text.Contains('.'))
        {
            return urls;
        }
        var searchFrom = 0;
        while (FindCandidate(text, searchFrom) is { } candidate)
        {
            searchFrom = candidate.End;
            if (Accept(text, candidate) is { } url)
            {
                urls.Add(url);
            }
        }
        return urls;
    }

    private static Candidate? FindCandidate(string text, int searchFrom)
    {
        for (var position = searchFrom; position < text.Length; position++)
        {
            // twitter-text's pattern tries "a character that may precede a URL" before "the start of the text", so at
            // position 0 a URL after the first character wins over one at the very start ("éxample.com" yields "xample.com").
            var before = text[position];
            if (!UrlCharacters.IsInvalidBeforeUrl(before) && TryMatchAt(text, position + 1, before) is { } afterCharacter)
            {
                return afterCharacter;
            }
            if (position == 0 && TryMatchAt(text, 0, before: null) is { } atStart)
            {
                return atStart;
            }
        }
        return null;
    }

    private static Candidate? TryMatchAt(string text, int start, char? before)
    {
        var schemeLength = SchemeLength(text, start);
        if (schemeLength > 0 && TryDomain(text, start + schemeLength, afterScheme: true, out var hostEnd))
        {
            return new Candidate(before, start, schemeLength, hostEnd, EndAfterHost(text, hostEnd));
        }
        if (TryDomain(text, start, EndsWithScheme(text, start), out hostEnd))
        {
            return new Candidate(before, start, 0, hostEnd, EndAfterHost(text, hostEnd));
        }
        return null;
    }

    /// <summary>
    /// Sub-domains (letters, digits, '-' and '_'), then a domain name (no '_'), then a top-level domain; each label
    /// starts and ends with a letter or digit. Right after a scheme, a single label of any non-punctuation characters
    /// ("http://ああ.com") may stand before the top-level domain instead.
    /// </summary>
    private static bool TryDomain(string text, int start, bool afterScheme, out int end)
    {
        end = 0;
        if (start >= text.Length)
        {
            return false;
        }
        if (!UrlCharacters.IsDomainLetterOrDigit(text[start]))
        {
            return afterScheme && TryUnicodeDomain(text, start, out end);
        }
        Span<int> dots = stackalloc int[MaxLabels];
        Span<bool> canBeDomainName = stackalloc bool[MaxLabels];
        var labels = 0;
        var position = start;
        while (labels < MaxLabels)
        {
            var dot = position;
            while (dot < text.Length && IsLabelCharacter(text[dot]))
            {
                dot++;
            }
            if (dot == position || dot == text.Length || text[dot] != '.'
                || !UrlCharacters.IsDomainLetterOrDigit(text[position]) || !UrlCharacters.IsDomainLetterOrDigit(text[dot - 1]))
            {
                break;
            }
            dots[labels] = dot;
            canBeDomainName[labels] = text.AsSpan(position, dot - position).IndexOf('_') < 0;
            labels++;
            position = dot + 1;
        }

        // The longest name wins: "a.b.co.uk" is all one domain, and "foo.com.baz" still yields "foo.com".
        for (var name = labels - 1; name >= 0; name--)
        {
            if (!canBeDomainName[name])
            {
                continue;
            }
            var tld = dots[name] + 1;
            var tldLength = TopLevelDomains.MatchLength(text, tld);
            if (tldLength == 0)
            {
                tldLength = PunycodeLength(text, tld);
            }
            if (tldLength > 0)
            {
                end = tld + tldLength;
                return true;
            }
        }
        return afterScheme && TryUnicodeDomain(text, start, out end);
    }

    private static bool TryUnicodeDomain(string text, int start, out int end)
    {
        end = 0;
        var dot = start;
        while (dot < text.Length && (UrlCharacters.IsUnicodeDomainCharacter(text[dot]) || text[dot] == '-'))
        {
            dot++;
        }
        if (dot == start || dot == text.Length || text[dot] != '.' || text[start] == '-' || text[dot - 1] == '-')
        {
            return false;
        }
        var tldLength = TopLevelDomains.MatchLength(text, dot + 1);
        if (tldLength == 0)
        {
            return false;
        }
        end = dot + 1 + tldLength;
        return true;
    }

    private static bool IsLabelCharacter(char c) => UrlCharacters.IsDomainLetterOrDigit(c) || c is '-' or '_';

    private static int PunycodeLength(string text, int start)
    {
        if (!text.AsSpan(start).StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var end = start + 4;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }
        return end > start + 4 ? end - start : 0;
    }

    private static int EndAfterHost(string text, int hostEnd)
    {
        var position = hostEnd;
        if (position + 1 < text.Length && text[position] == ':' && char.IsAsciiDigit(text[position + 1]))
        {
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }
        if (position < text.Length && text[position] == '/')
        {
            position += 1 + PathLength(text, position + 1);
        }
        if (position < text.Length && text[position] == '?')
        {
            var query = QueryLength(text, position + 1, text.Length);
            if (query > 0)
            {
                position += 1 + query;
            }
        }
        return position;
    }

    /// <summary>
    /// The longest run of path characters and balanced parentheses that ends on a path-ending character or a closing
    /// parenthesis, so that "http://x.com/a." and "(see http://x.com/a)" leave the trailing punctuation out.
    /// </summary>
    private static int PathLength(string text, int start)
    {
        var position = start;
        var end = start;
        while (position < text.Length)
        {
            var c = text[position];
            if (UrlCharacters.IsPathCharacter(c))
            {
                position++;
                if (UrlCharacters.IsPathEndingCharacter(c))
                {
                    end = position;
                }
            }
            else if (c == '(' && BalancedParenthesesLength(text, position) is var group and > 0)
            {
                position += group;
                end = position;
            }
            else
            {
                break;
            }
        }
        return end - start;
    }

    /// <summary>"(film)" as in Wikipedia's "/Primer_(film)", with at most one nested pair: "(Album_(Edited))".</summary>
    private static int BalancedParenthesesLength(string text, int open)
    {
        var position = PathCharactersEnd(text, open + 1);
        if (position == text.Length)
        {
            return 0;
        }
        if (text[position] == ')')
        {
            return position > open + 1 ? position + 1 - open : 0;
        }
        if (text[position] != '(')
        {
            return 0;
        }
        var innerStart = position + 1;
        var innerEnd = PathCharactersEnd(text, innerStart);
        if (innerEnd == innerStart || innerEnd == text.Length || text[innerEnd] != ')')
        {
            return 0;
        }
        var close = PathCharactersEnd(text, innerEnd + 1);
        return close < text.Length && text[close] == ')' ? close + 1 - open : 0;
    }

    private static int PathCharactersEnd(string text, int start)
    {
        var position = start;
        while (position < text.Length && UrlCharacters.IsPathCharacter(text[position]))
        {
            position++;
        }
        return position;
    }

    /// <summary>The longest run of query characters, within <paramref name="limit"/>, that ends on a query-ending character.</summary>
    private static int QueryLength(string text, int start, int limit)
    {
        var end = start;
        for (var position = start; position < limit && UrlCharacters.IsQueryCharacter(text[position]); position++)
        {
            if (UrlCharacters.IsQueryEndingCharacter(text[position]))
            {
                end = position + 1;
            }
        }
        return end - start;
    }

    private static TextEntity? Accept(string text, Candidate candidate)
    {
        var hasScheme = candidate.SchemeLength > 0;
        if (!hasScheme && candidate.Before is { } before && UrlCharacters.IsInvalidBeforeSchemelessUrl(before))
        {
            return null;
        }
        var end = candidate.End;
        if (hasScheme && TcoEnd(text, candidate) is { } tcoEnd)
        {
            if (tcoEnd < 0)
            {
                return null;
            }
            end = tcoEnd;
        }
        var hostStart = candidate.Start + candidate.SchemeLength;
        var asciiHostLength = AsciiHostLength(text.AsSpan(hostStart, candidate.HostEnd - hostStart));
        if (asciiHostLength < 0)
        {
            return null;
        }
        var length = end - candidate.Start + asciiHostLength - (candidate.HostEnd - hostStart) + (hasScheme ? 0 : AssumedSchemeLength);
        return length <= MaxUrlLength ? new TextEntity(candidate.Start, end, text[candidate.Start..end]) : null;
    }

    /// <summary>
    /// A t.co link is its slug and an optional query, nothing more ("http://t.co/abc's" is "http://t.co/abc");
    /// -1 when the slug is longer than t.co makes, so the candidate is no URL; null when this is no t.co link.
    /// </summary>
    private static int? TcoEnd(string text, Candidate candidate)
    {
        var hostStart = candidate.Start + candidate.SchemeLength;
        if (candidate.HostEnd - hostStart != 4
            || !text.AsSpan(hostStart, 4).Equals("t.co", StringComparison.OrdinalIgnoreCase)
            || candidate.HostEnd >= candidate.End
            || text[candidate.HostEnd] != '/')
        {
            return null;
        }
        var slugStart = candidate.HostEnd + 1;
        var slugEnd = slugStart;
        while (slugEnd < candidate.End && char.IsAsciiLetterOrDigit(text[slugEnd]))
        {
            slugEnd++;
        }
        if (slugEnd == slugStart)
        {
            return null;
        }
        if (slugEnd - slugStart > MaxTcoSlugLength)
        {
            return -1;
        }
        if (slugEnd < candidate.End && text[slugEnd] == '?' && QueryLength(text, slugEnd + 1, candidate.End) is var query and > 0)
        {
            return slugEnd + 1 + query;
        }
        return slugEnd;
    }

    /// <summary>
    /// The length of the host in ASCII (punycode), or -1 when a label is no valid internationalised label or is longer
    /// than 63 characters once encoded ("http://xn--はじめよう.com" is no URL).
    /// </summary>
    private static int AsciiHostLength(ReadOnlySpan<char> host)
    {
        var length = 0;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            var asciiLength = Ascii.IsValid(label) ? label.Length : PunycodeLabelLength(label.ToString());
            if (asciiLength is < 1 or > MaxHostLabelLength)
            {
                return -1;
            }
            length += asciiLength + 1;
        }
        return length - 1;
    }

    private static int PunycodeLabelLength(string label)
    {
        try
        {
            return new IdnMapping { AllowUnassigned = true }.GetAscii(label).Length;
        }
        catch (ArgumentException)
        {
            return -1;
        }
    }

    private static int SchemeLength(string text, int start)
    {
        var rest = text.AsSpan(start);
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : 0;
    }

    /// <summary>twitter-text allows an internationalised domain wherever "http://" or "https://" comes right before.</summary>
    private static bool EndsWithScheme(string text, int start)
    {
        if (start < 7 || text[start - 1] != '/')
        {
            return false;
        }
        var before = text.AsSpan(0, start);
        return before.EndsWith("http://", StringComparison.OrdinalIgnoreCase) || before.EndsWith("https://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A possible URL: <see cref="Before"/> is the character before it (none at the start of the text); the host spans
    /// from <see cref="Start"/> + <see cref="SchemeLength"/> to <see cref="HostEnd"/>; port, path and query run to <see cref="End"/>.
    /// </summary>
    private readonly record struct Candidate(char? Before, int Start, int SchemeLength, int HostEnd, int End);
}
