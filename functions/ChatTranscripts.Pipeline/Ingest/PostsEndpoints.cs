using ChatTranscripts.Pipeline.Http;
using ChatTranscripts.Pipeline.Queueing;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary><c>POST /api/posts</c> and <c>DELETE /api/posts/{platform}/{id}</c>: verify, validate, queue, answer 202.</summary>
public sealed class PostsEndpoints(StandardWebhookVerifier verifier, IngestQueue queue)
{
    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, body => verifier.Check(request, body), cancellationToken, itemsName: PostReader.BatchField);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var posts = PostReader.Read(document!.RootElement, errors);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Validation(errors, $"{errors.Count} field(s) are invalid; nothing was accepted.");
            }
            return await queue.SendAsync(posts.Select(PipelineMessage.ForPost).ToList(), Results.Accepted(value: new { accepted = posts.Count }), cancellationToken);
        }
    }

    /// <summary>
    /// Accepted whether or not the post has arrived: the tombstone keeps a later arrival deleted. Signed requests are
    /// verified like posts (over an empty body); in Azure the function key guards this route as well.
    /// </summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string platform, string id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!PostReader.PlatformPattern().IsMatch(platform))
        {
            errors.Add("platform", "must be 1 to 32 lowercase letters, digits or '-'.");
        }
        if (!PostReader.IsValidIdentifier(id))
        {
            errors.Add("id", $"must be 1 to {PostReader.MaxIdLength} characters without control characters.");
        }
        if (!errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }
        if (request.Headers.ContainsKey(StandardWebhookVerifier.SignatureHeader) && verifier.Check(request, []) is { } unauthorized)
        {
            return unauthorized;
        }
        return await queue.SendAsync([PipelineMessage.ForDeletion(new PostDeletion(platform, id))], Results.Accepted(), cancellationToken);
    }
}
