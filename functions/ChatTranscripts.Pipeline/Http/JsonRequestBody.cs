using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ChatTranscripts.Pipeline.Http;

/// <summary>Reads a JSON request body with the contract's limits: JSON content type (415) and at most 1 MiB (413).</summary>
public static class JsonRequestBody
{
    public const int MaxBytes = 1024 * 1024;

    public const int MaxDepth = 32;

    /// <summary>The raw bytes (signatures are computed over them), or the problem to answer with.</summary>
    private static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge(MaxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, ApiProblems.PayloadTooLarge(MaxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// Reads and parses the body; <paramref name="checkRawBody"/> (signature verification) sees the raw bytes before
    /// parsing and may answer instead. A body holding text that is not valid Unicode is refused naming where, so no
    /// reader meets it. The caller disposes the document.
    /// </summary>
    /// <param name="itemsName">What the route calls the items of a top-level array in its errors (<c>posts</c>, <c>events</c>).</param>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadDocumentAsync(
        HttpRequest request, Func<byte[], IResult?>? checkRawBody, CancellationToken cancellationToken, string itemsName = "$")
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        if (checkRawBody?.Invoke(body!) is { } rejected)
        {
            return (null, rejected);
        }
        var (document, invalid) = Parse(body!);
        if (document is not null && JsonText.FindBrokenText(body, itemsName) is { } broken)
        {
            document.Dispose();
            return (null, ApiProblems.BadRequest(broken, JsonText.BrokenTextMessage));
        }
        return (document, invalid);
    }

    /// <summary>Parses the bytes as JSON; a syntax error is the client's and becomes a 400 naming where it is.</summary>
    private static (JsonDocument? Document, IResult? Problem) Parse(byte[] body)
    {
        try
        {
            return (JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth }), null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return (null, ApiProblems.BadRequest("$", $"The body is not valid JSON{where}."));
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }
        var charset = media.Charset.Value;
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
