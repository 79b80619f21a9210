namespace ChatTranscripts.LocalHost;

/// <summary>Where this machine reaches the host, whichever address it listens on: a wildcard address becomes 127.0.0.1.</summary>
public static class LoopbackAddress
{
    public static Uri Of(WebApplication app)
    {
        var address = app.Urls.First();
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]")
        {
            uri.Host = "127.0.0.1";
        }
        return uri.Uri;
    }
}
