using ChatTranscripts.Pipeline.Http;
using Microsoft.AspNetCore.Http;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary><c>POST /api/posts</c>: verify, validate, queue, answer 202.</summary>
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
            return await queue.SendAsync(
                DeliverySources.Posts, verifier.VerifiedId(request), posts, [], Results.Accepted(value: new { accepted = posts.Count }), cancellationToken);
        }
    }
}
