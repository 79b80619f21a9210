using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// Where a participant's page is published, relative to the session's folder: <c>people/{platform}/{name}.html</c>.
/// Handles are free text (any character but spaces and controls, up to 100), so each is written as a name that is safe
/// as a blob name, a URL path segment and a file name, and that is the same for every spelling the transcript counts
/// as one participant. The rule, for the platform and the handle alike (docs/api.md states it):
/// <list type="number">
/// <item>upper-case it as participants are compared (<see cref="string.ToUpperInvariant()"/>);</item>
/// <item>write ASCII letters in lower case, and keep digits, <c>_</c>, <c>-</c>, <c>@</c> and <c>.</c> (but not a
/// leading <c>.</c>);</item>
/// <item>write every other character as <c>~</c> and two upper-case hex digits for each of its UTF-8 bytes;</item>
/// <item>cut a name longer than <see cref="MaxNameLength"/> characters to its first <see cref="KeptLength"/>
/// (never inside an escape) followed by <c>~~</c> and 16 hex digits of the SHA-256 of the upper-cased text.</item>
/// </list>
/// Different participants get different names: lower-case letters come only from upper-case ones, <c>~</c> only
/// starts an escape, and a cut name keeps a hash of the whole.
/// </summary>
public static class PersonPagePaths
{
    /// <summary>The folder of a session's people pages; everything under it is the publisher's to replace or delete.</summary>
    public const string Folder = "people/";

    public const int MaxNameLength = 100;

    public const int KeptLength = 80;

    private static readonly SearchValues<char> Kept = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-@.");

    /// <summary>The page of the participant with this handle on this platform, such as <c>people/twitter/nurse_jo.html</c>.</summary>
    public static string PathOf(string platform, string handle) => $"{Folder}{Name(platform)}/{Name(handle)}.html";

    internal static string Name(string value)
    {
        var upper = value.ToUpperInvariant();
        var name = new StringBuilder(upper.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < upper.Length; i++)
        {
            var c = upper[i];
            if (Kept.Contains(c) && !(c == '.' && i == 0))
            {
                name.Append(char.IsAsciiLetterUpper(c) ? (char)(c + ('a' - 'A')) : c);
                continue;
            }
            var length = char.IsSurrogatePair(upper, i) ? 2 : 1;
            // Handles are valid Unicode (the API refuses lone surrogates), so every character has its UTF-8 bytes.
            var written = Encoding.UTF8.GetBytes(upper.AsSpan(i, length), bytes);
            foreach (var b in bytes[..written])
            {
                name.Append('~').Append(Convert.ToHexString([b]));
            }
            i += length - 1;
        }
        return name.Length <= MaxNameLength ? name.ToString() : Shortened(name.ToString(), upper);
    }

    private static string Shortened(string name, string upper)
    {
        var cut = KeptLength;
        // Never inside an escape: "~" plus two hex digits stays whole or goes whole.
        var escape = name.LastIndexOf('~', cut - 1, 3);
        if (escape >= 0 && escape + 3 > cut)
        {
            cut = escape;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(upper)))[..16];
        return $"{name[..cut]}~~{hash}";
    }
}
