using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>What a throttling storage service answers: 503 Server Busy or 429, with a short Retry-After.</summary>
internal sealed class ThrottledResponse(int status, string clientRequestId) : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Retry-After"] = "0",
        ["x-ms-error-code"] = "ServerBusy",
    };

    public override int Status => status;

    public override string ReasonPhrase => status == 429 ? "Too Many Requests" : "Server Busy";

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = _headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
