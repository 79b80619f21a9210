using ChatTranscripts.Pipeline.Logic.Transcripts.Digest;

namespace ChatTranscripts.Pipeline.Tests.Transcripts.Digest;

/// <summary>
/// The expected forms are worked out from the rules, not taken from the code: RFC 3986's equivalences (section 6.2.2.1
/// case, 6.2.2.2 percent-encoding, 6.2.2.3 dot segments, 6.2.3 http's default port and empty path), RFC 3987's mapping
/// of an IRI to a URI, and the tracking parameters the contract lists.
/// </summary>
public sealed class LinkNormaliserTests
{
    [Theory]
    // 6.2.2.1: scheme and host are case-insensitive and normalise to lower case; the path is case-sensitive.
    [InlineData("HTTP://www.Example.COM/Path/To", "http://www.example.com/Path/To")]
    [InlineData("hTTpS://EXAMPLE.org/A?B=C", "https://example.org/A?B=C")]
    // 6.2.2.1: the hex digits of a percent-encoding are upper-case.
    [InlineData("http://example.com/a%2fb?q=x%3dy", "http://example.com/a%2Fb?q=x%3Dy")]
    // 6.2.2.2: an encoded unreserved character (ALPHA, DIGIT, "-", ".", "_", "~") is the character itself.
    [InlineData("http://example.com/%7Euser/%41%62c%2D%5F%2E%31", "http://example.com/~user/Abc-_.1")]
    [InlineData("http://example.com/?q=%7e%61", "http://example.com/?q=~a")]
    // 6.2.2.3: "." and ".." segments are removed (the example of section 5.2.4: /a/b/c/./../../g is /a/g).
    [InlineData("http://example.com/a/b/c/./../../g", "http://example.com/a/g")]
    [InlineData("http://example.com/a/%2E%2E/b", "http://example.com/b")]
    // 6.2.3: the default port of the scheme is the same as no port, and an empty path is "/".
    [InlineData("http://example.com:80/", "http://example.com/")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com", "http://example.com/")]
    [InlineData("http://example.com:", "http://example.com/")]
    // Another port is another server: kept, including https's port on http.
    [InlineData("http://example.com:443/", "http://example.com:443/")]
    [InlineData("https://example.com:8443/x", "https://example.com:8443/x")]
    // http and https name different resources, and so do "www." and a trailing slash: all kept.
    [InlineData("http://example.com/a/", "http://example.com/a/")]
    [InlineData("https://www.example.com/a", "https://www.example.com/a")]
    // RFC 3987 3.1: an IRI's non-ASCII characters are UTF-8, percent-encoded; an internationalised host is punycode.
    [InlineData("https://example.org/résumé", "https://example.org/r%C3%A9sum%C3%A9")]
    [InlineData("http://Bücher.de/", "http://xn--bcher-kva.de/")]
    [InlineData("http://xn--bcher-kva.de/", "http://xn--bcher-kva.de/")]
    // The fragment is a place within the resource, not another resource.
    [InlineData("https://example.com/article#section-2", "https://example.com/article")]
    [InlineData("https://example.com/a?x=1#top", "https://example.com/a?x=1")]
    // Written without a scheme, as twitter-text finds it: the pages link it with https, and so does the list.
    [InlineData("nhs.uk/conditions", "https://nhs.uk/conditions")]
    [InlineData("WWW.Example.com", "https://www.example.com/")]
    public void A_url_takes_the_form_the_rfcs_make_equivalent(string url, string expected) =>
        Assert.Equal(expected, LinkNormaliser.Normalise(url));

    [Theory]
    [InlineData("https://example.com/a?utm_source=twitter&utm_medium=social&utm_campaign=chat", "https://example.com/a")]
    [InlineData("https://example.com/a?id=7&utm_content=x&page=2&utm_term=y&utm_id=z", "https://example.com/a?id=7&page=2")]
    [InlineData("https://example.com/?fbclid=IwAR0abc", "https://example.com/")]
    [InlineData("https://example.com/?gclid=1&mc_cid=2&mc_eid=3&igshid=4&q=kept", "https://example.com/?q=kept")]
    // Names are compared percent-decoded and without regard to case.
    [InlineData("https://example.com/?utm%5Fsource=x&a=1", "https://example.com/?a=1")]
    [InlineData("https://example.com/?UTM_Source=x&FBCLID=y&a=1", "https://example.com/?a=1")]
    // Other parameters stay as written, in their order, values included.
    [InlineData("https://example.com/search?b=2&a=1&b=3", "https://example.com/search?b=2&a=1&b=3")]
    [InlineData("https://example.com/?flag&utm_source=x", "https://example.com/?flag")]
    // A parameter that only starts like one is not one.
    [InlineData("https://example.com/?utm=1&gclid_x=2&xfbclid=3", "https://example.com/?utm=1&gclid_x=2&xfbclid=3")]
    public void Tracking_parameters_are_dropped_and_the_rest_kept_in_order(string url, string expected) =>
        Assert.Equal(expected, LinkNormaliser.Normalise(url));

    [Theory]
    // YouTube's and Spotify's share buttons add si, a share identifier: the video or track is the same without it.
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=Ab12&t=42", "https://youtu.be/dQw4w9WgXcQ?t=42")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=Ab12", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://m.YouTube.com/watch?si=1&v=x", "https://m.youtube.com/watch?v=x")]
    [InlineData("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk?si=9f", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk")]
    // Elsewhere si is an ordinary parameter that may choose the page.
    [InlineData("https://example.com/search?si=2", "https://example.com/search?si=2")]
    [InlineData("https://notyoutube.com/watch?si=2", "https://notyoutube.com/watch?si=2")]
    public void The_share_identifier_is_dropped_only_where_it_is_one(string url, string expected) =>
        Assert.Equal(expected, LinkNormaliser.Normalise(url));

    [Fact]
    public void Spellings_of_one_resource_become_one_url()
    {
        string[] spellings =
        [
            "https://www.jmir.org/2012/3/e87/",
            "HTTPS://WWW.JMIR.ORG/2012/3/e87/",
            "https://www.jmir.org:443/2012/3/e87/#abstract",
            "https://www.jmir.org/2012/3/./e87/?utm_source=twitter",
            "www.jmir.org/2012/3/e87/",
            "https://www.jmir.org/2012/%33/e87/",
        ];

        Assert.Single(spellings.Select(LinkNormaliser.Normalise).Distinct());
    }

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("")]
    public void What_is_not_a_web_url_has_no_normal_form(string url) => Assert.Null(LinkNormaliser.Normalise(url));
}
