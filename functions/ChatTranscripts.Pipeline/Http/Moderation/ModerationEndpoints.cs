using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Moderation;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Http.Moderation;

/// <summary>
/// The organisers' moderation routes: hide and show posts, block and unblock accounts, set a session's rules, list it
/// all. Each change marks the sessions it affects changed, so the publisher republishes them on its next run.
/// </summary>
/// <remarks>
/// <c>credential</c> names what let the caller in (the organisers' function key, the local host's token): the host
/// knows it, the pipeline does not. The caller may add a name of their own, which is recorded beside it.
/// </remarks>
public sealed class ModerationEndpoints(
    IStorageProvisioning storage,
    ISessionStore sessions,
    SessionModerator moderator,
    ILogger<ModerationEndpoints> logger)
{
    public Task<IResult> HidePostAsync(HttpRequest request, string id, string platform, string postId, string credential, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var post = Post(platform, postId, errors);
        return ChangeAsync(request, id, credential, errors, async (session, fields, by) =>
        {
            var reason = ModerationRequests.Reason(fields);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Validation(errors);
            }
            var (created, entry) = await moderator.HidePostAsync(session, post!.Value, reason!, by, cancellationToken);
            return created ? TypedResults.Created(ModerationPath(session.Id), entry) : TypedResults.Ok(entry);
        }, cancellationToken);
    }

    public Task<IResult> UnhidePostAsync(string id, string platform, string postId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var post = Post(platform, postId, errors);
        return WithoutBodyAsync(id, errors, async session =>
        {
            return await moderator.UnhidePostAsync(session, post!.Value, cancellationToken)
                ? TypedResults.NoContent()
                : ApiProblems.NotFound($"Post {post} is not hidden in session '{session.Id}'.");
        }, cancellationToken);
    }

    public Task<IResult> BlockAccountAsync(HttpRequest request, string id, string platform, string handle, string credential, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var account = Account(platform, handle, errors);
        return ChangeAsync(request, id, credential, errors, async (session, fields, by) =>
        {
            var reason = ModerationRequests.Reason(fields);
            var scope = ModerationRequests.Scope(fields.String("scope", required: false, 1, 10, singleLine: true), "scope", errors);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Validation(errors);
            }
            var (accountPlatform, accountHandle) = account!.Value;
            var (created, entries) = await moderator.BlockAccountAsync(session, scope!.Value, accountPlatform, accountHandle, reason!, by, cancellationToken);
            var body = new BlockedAccounts(entries);
            return created ? TypedResults.Created(ModerationPath(session.Id), body) : TypedResults.Ok(body);
        }, cancellationToken);
    }

    /// <param name="scope">The <c>scope</c> query parameter: whether to lift the session's block or the series'.</param>
    public Task<IResult> UnblockAccountAsync(string id, string platform, string handle, string? scope, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var account = Account(platform, handle, errors);
        var blockScope = ModerationRequests.Scope(scope, "scope", errors);
        return WithoutBodyAsync(id, errors, async session =>
        {
            var (accountPlatform, accountHandle) = account!.Value;
            if (await moderator.UnblockAccountAsync(session, blockScope!.Value, accountPlatform, accountHandle, cancellationToken))
            {
                return TypedResults.NoContent();
            }
            var where = blockScope == BlockScope.Series ? $"the series of session '{session.Id}'" : $"session '{session.Id}'";
            return ApiProblems.NotFound($"The {accountPlatform} account @{accountHandle} is not blocked in {where}.");
        }, cancellationToken);
    }

    public Task<IResult> PutRulesAsync(HttpRequest request, string id, string credential, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return ChangeAsync(request, id, credential, errors, async (session, fields, by) =>
        {
            var rules = ModerationRequests.Rules(fields);
            if (!errors.IsEmpty)
            {
                return ApiProblems.Validation(errors);
            }
            return TypedResults.Ok(await moderator.SetRulesAsync(session, rules!, by, cancellationToken));
        }, cancellationToken);
    }

    public Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        WithoutBodyAsync(id, new ValidationErrors(), async session =>
        {
            var (state, hiddenNow) = await moderator.ReviewAsync(session, cancellationToken);
            var hidden = hiddenNow
                .Select(h => new HiddenNowEntry(h.Post.Key.ToString(), h.Post.Post.Author.Handle, h.Post.Post.CreatedAt.UtcDateTime, h.Post.Post.Text, HiddenNowEntry.CauseName(h.Cause)))
                .ToList();
            return TypedResults.Ok(new ModerationResource(session.Id, state.Rules, state.Posts, state.Accounts, hidden));
        }, cancellationToken);

    /// <summary>
    /// A change with a body: the session must exist and the body be a JSON object; <paramref name="change"/> reads its
    /// own fields into <paramref name="errors"/>, where the route's path parameters already are, so one answer lists all.
    /// </summary>
    private async Task<IResult> ChangeAsync(
        HttpRequest request, string id, string credential, ValidationErrors errors,
        Func<SessionRecord, JsonFieldReader, Moderator, Task<IResult>> change, CancellationToken cancellationToken)
    {
        if (!SessionReader.IsValidId(id))
        {
            return UnknownSession(id);
        }
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, checkRawBody: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var fields = ModerationRequests.Fields(document!.RootElement, errors);
            var name = ModerationRequests.ModeratorName(fields, request.Headers[ModerationRequests.ModeratorHeader], errors);
            if (fields is null)
            {
                return ApiProblems.Validation(errors);
            }
            return await WithSessionAsync(id, session => change(session, fields, new Moderator(credential, name)), cancellationToken);
        }
    }

    /// <summary>A route without a body (an undo, the listing): bad path parameters answer 400 once the session is known to exist.</summary>
    private Task<IResult> WithoutBodyAsync(string id, ValidationErrors errors, Func<SessionRecord, Task<IResult>> action, CancellationToken cancellationToken) =>
        !SessionReader.IsValidId(id)
            ? Task.FromResult(UnknownSession(id))
            : WithSessionAsync(id, session => errors.IsEmpty ? action(session) : Task.FromResult(ApiProblems.Validation(errors)), cancellationToken);

    private async Task<IResult> WithSessionAsync(string id, Func<SessionRecord, Task<IResult>> action, CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            return await sessions.GetAsync(id, cancellationToken) is { } session ? await action(session) : UnknownSession(id);
        }
        catch (Exception e) when (InfrastructureFailure.Is(e))
        {
            logger.LogError(e, "Storage unavailable");
            return ApiProblems.Unavailable("Storage is not reachable right now. Retry later.");
        }
    }

    private static PostKey? Post(string platform, string postId, ValidationErrors errors)
    {
        var validPlatform = ValidPlatform(platform, errors);
        if (!PostReader.IsValidIdentifier(postId))
        {
            errors.Add("postId", $"must be 1 to {PostReader.MaxIdLength} characters without control characters.");
            return null;
        }
        return validPlatform ? new PostKey(platform, postId) : null;
    }

    private static (string Platform, string Handle)? Account(string platform, string handle, ValidationErrors errors)
    {
        var validPlatform = ValidPlatform(platform, errors);
        var normalised = Handles.Normalise(handle);
        if (!Handles.IsValid(normalised))
        {
            errors.Add("handle", $"must be a handle of 1 to {Handles.MaxLength} characters without spaces.");
            return null;
        }
        return validPlatform ? (platform, normalised) : null;
    }

    private static bool ValidPlatform(string platform, ValidationErrors errors)
    {
        if (PostReader.PlatformPattern().IsMatch(platform))
        {
            return true;
        }
        errors.Add("platform", "must be 1 to 32 lowercase letters, digits or '-'.");
        return false;
    }

    private static string ModerationPath(string sessionId) => $"/{ApiRoutes.Prefix}/sessions/{sessionId}/moderation";

    private static IResult UnknownSession(string id) => ApiProblems.NotFound($"There is no session '{id}'.");
}
