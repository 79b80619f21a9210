using System.Net;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// The addresses this host is configured to listen on that other machines can reach: everything but loopback
/// (127.0.0.0/8, ::1, localhost) and Unix sockets. Read from the same settings Kestrel binds from (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, or <c>Kestrel:Endpoints</c>, which replaces them), before anything listens.
/// </summary>
public sealed class NetworkExposure
{
    /// <summary>Where the host listens when nothing says otherwise: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    private NetworkExposure(IReadOnlyList<string> addressesBeyondLoopback) => AddressesBeyondLoopback = addressesBeyondLoopback;

    public IReadOnlyList<string> AddressesBeyondLoopback { get; }

    public bool BeyondLoopback => AddressesBeyondLoopback.Count > 0;

    public static NetworkExposure From(IConfiguration configuration)
    {
        string[] endpoints = [.. configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>()];
        var urls = endpoints.Length > 0
            ? endpoints
            : (configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new NetworkExposure([.. urls.Where(url => !IsLocal(url))]);
    }

    private static bool IsLocal(string url)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return true;
        }
        return address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
