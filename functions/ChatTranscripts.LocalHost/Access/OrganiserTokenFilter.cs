using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.Pipeline.Http;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// The organiser routes answer only organisers: with a token configured, requests that carry it as
/// <c>Authorization: Bearer</c>; without one, requests from this machine (an unconfigured run on loopback stays open).
/// A webhook sender's signature or secret never opens them.
/// </summary>
public sealed class OrganiserTokenFilter(IOptions<OrganiserAccessOptions> options) : IEndpointFilter
{
    private const string Realm = "organisers";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var token = options.Value.OrganiserToken;
        if (string.IsNullOrEmpty(token))
        {
            return FromThisMachine(context.HttpContext.Connection)
                ? await next(context)
                : ApiProblems.BearerTokenRequired(Realm, "Sessions can be changed from this machine only: this host has no LocalHost:OrganiserToken.");
        }
        return Matches(context.HttpContext.Request.Headers.Authorization, token)
            ? await next(context)
            : ApiProblems.BearerTokenRequired(Realm, "Send the organisers' token (LocalHost:OrganiserToken) as 'Authorization: Bearer <token>'.");
    }

    /// <summary>In-process callers (tests, the demo) have no remote address.</summary>
    private static bool FromThisMachine(ConnectionInfo connection) =>
        connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress);

    /// <summary>Compares digests in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    private static bool Matches(string? authorization, string token) =>
        AuthenticationHeaderValue.TryParse(authorization, out var header)
        && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { } presented
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
