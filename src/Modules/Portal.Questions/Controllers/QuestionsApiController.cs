using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Api;
using Portal.Core.Contents;
using Portal.Core.Hosting;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Questions.Services;

namespace Portal.Questions.Controllers;

/// <summary>
/// The questions API (docs/contracts.md, "Questions API"): submission by anyone who passes the
/// anti-bot challenge or by an integrator's token with <c>questions.submit</c>, the public status by
/// tracking code, and an integrator's own submissions. The same intake and rules as the form.
/// </summary>
[ApiController]
[Route("api/questions")]
[IgnoreAntiforgeryToken] // JSON only, and a token or a solved challenge, never a cookie, speaks for the caller
public sealed class QuestionsApiController(
    QuestionIntake intake,
    QuestionLookup lookup,
    QuestionApiQueries queries,
    QuestionClientLimits clientLimits,
    QuestionApiChallengeGate challenge,
    TenantContext site,
    TenantCatalog catalog) : ControllerBase
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 100;

    private const string InvalidTitle = "Câu hỏi chưa được gửi: dữ liệu không hợp lệ (invalid question).";

    /// <summary>
    /// A ticket of the anti-bot challenge for an anonymous submission: find a <c>nonce</c> such that
    /// SHA-256(salt + ":" + nonce) in UTF-8 starts with <c>difficulty</c> zero bits, then send
    /// <c>challenge: { token, nonce }</c> with the question. One submission per ticket.
    /// </summary>
    [HttpGet("challenge")]
    [ProducesResponseType(typeof(QuestionApiChallengeTicket), StatusCodes.Status200OK)]
    public IActionResult IssueChallenge()
    {
        Response.Headers.CacheControl = "no-store";
        return Ok(challenge.Issue());
    }

    /// <summary>
    /// Submits a citizen's question. Anonymous: with a solved <c>challenge</c>, limited per address
    /// (with the form). A bearer token with <c>questions.submit</c>: no challenge, limited per client.
    /// 201 with the tracking code and <c>Location</c> of its status. Stored with source Api; a
    /// token's submissions also with the client (and listed by <c>GET /api/questions</c>).
    /// </summary>
    [HttpPost("")]
    [EnableRateLimiting(Startup.SubmitRateLimit)]
    [Consumes(typeof(QuestionApiRequest), "application/json")]
    [ProducesResponseType(typeof(QuestionApiReceipt), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status403Forbidden)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Submit()
    {
        var cancellationToken = HttpContext.RequestAborted;
        string? clientKey = null;
        string? clientId = null;
        if (Request.Headers.Authorization.Count > 0)
        {
            var authentication = await HttpContext.AuthenticateAsync(ApiAuthentication.Scheme);
            if (!authentication.Succeeded)
            {
                return Challenge(ApiAuthentication.Scheme);
            }

            if (!ApiCaller.HasScope(authentication.Principal, ApiScopes.QuestionsSubmit))
            {
                return Forbid(ApiAuthentication.Scheme);
            }

            HttpContext.User = authentication.Principal;
            clientId = ApiCaller.ClientId(authentication.Principal);
            clientKey = QuestionApiClients.Key(authentication.Principal, site, catalog);
            if (clientKey is null)
            {
                return Forbid(ApiAuthentication.Scheme);
            }

            if (!clientLimits.TryAcquire(site.TenantId, clientKey, out var retryAfter))
            {
                RateLimitRejection.SetRetryAfter(Response, retryAfter);
                return new ObjectResult(RateLimitRejection.Problem(retryAfter, Request.Path)) { StatusCode = StatusCodes.Status429TooManyRequests, ContentTypes = { "application/problem+json" } };
            }
        }

        var body = await ReadBodyAsync(cancellationToken);
        if (body.Problem is { } tooLarge)
        {
            return tooLarge;
        }

        var (request, readErrors) = QuestionApiBody.Read(body.Bytes);
        if (request is null)
        {
            if (readErrors.TryGetValue("", out var whole))
            {
                return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nội dung gửi lên không đọc được (malformed body).", detail: string.Join(" ", whole));
            }

            var unknown = readErrors.Where(e => e.Value.Any(m => m.StartsWith("is not a", StringComparison.Ordinal))).Select(e => e.Key).ToList();
            return Invalid(readErrors, unknown.Count > 0 ? $"Unknown fields: {string.Join(", ", unknown)}." : null);
        }

        var submission = QuestionApiBody.ToSubmission(request);
        if (clientKey is null)
        {
            // The fields first, which costs the caller nothing: a ticket is used up only by a question that will be stored.
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (field, message) in QuestionRules.Check(QuestionRules.Clean(submission)))
            {
                QuestionApiBody.Add(errors, field, message);
            }

            if (request.Challenge is null)
            {
                QuestionApiBody.Add(errors, "challenge", QuestionApiChallengeGate.MissingMessage + " (API: GET /api/questions/challenge, then send challenge: { token, nonce }, or use a token with scope questions.submit.)");
            }

            if (errors.Count > 0)
            {
                return Invalid(errors, null);
            }

            if (challenge.Verify(request.Challenge!.Token, request.Challenge.Nonce) is var (challengeMessage, challengeCode))
            {
                QuestionApiBody.Add(errors, "challenge", $"{challengeMessage} ({challengeCode})");
                return Invalid(errors, null);
            }
        }

        var actor = clientId is null
            ? ContentActor.From(HttpContext)
            : new ContentActor($"api:{clientId}", $"API {clientId}", HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");
        var siteBase = SiteUrls.Base(HttpContext);
        var result = await intake.SubmitAsync(
            submission, [], QuestionSource.Api, clientKey, actor,
            siteBase + QuestionAddresses.Lookup.TrimStart('~'), cancellationToken);
        if (!result.Accepted)
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (field, message) in result.Errors)
            {
                QuestionApiBody.Add(errors, field, message);
            }

            return Invalid(errors, null);
        }

        var question = result.Case!;
        return Created(
            $"{Request.PathBase}/api/questions/{Uri.EscapeDataString(question.TrackingCode)}",
            new QuestionApiReceipt(question.TrackingCode, QuestionTexts.ApiName(question.Status), question.AnswerDue, QuestionApiAddresses.Lookup(siteBase, question.TrackingCode)));
    }

    /// <summary>The public status of a question and its public history (no personal data); 404 for a code that is not a question of this site.</summary>
    [HttpGet("{trackingCode}")]
    [EnableRateLimiting(Startup.LookupRateLimit)]
    [ProducesResponseType(typeof(QuestionApiStatus), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Get(string trackingCode)
    {
        Response.Headers.CacheControl = "no-store";
        var status = await lookup.FindAsync(trackingCode, HttpContext.RequestAborted);
        return status is null
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Không có câu hỏi với mã tra cứu này (no such question).",
                detail: "A tracking code is 10 letters and digits (K7M3Q-9XTRH) of a question sent to this site.")
            : Ok(QuestionApiStatus.From(status, null, SiteUrls.Base(HttpContext)));
    }

    /// <summary>
    /// The calling client's own submissions on this site, by last update (oldest first), each with
    /// its status and public history. <c>status</c>: one or more (comma-separated) of received,
    /// accepted, assigned, answered, published, rejected, merged; <c>since</c>: updated at or after
    /// this ISO 8601 time; <c>limit</c>: 1–100 (50); <c>cursor</c>: from the previous page's <c>next</c>.
    /// </summary>
    [HttpGet("")]
    [RequireScope(ApiScopes.QuestionsSubmit)]
    [ProducesResponseType(typeof(QuestionApiPage), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> List(string? status, string? since, string? limit, string? cursor)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var statuses = new List<QuestionStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (QuestionTexts.FromApiName(name) is { } known)
            {
                statuses.Add(known);
            }
            else
            {
                QuestionApiBody.Add(errors, "status", $"'{Shorten(name)}' is not a status (received, accepted, assigned, answered, published, rejected, merged).");
            }
        }

        DateTime? from = null;
        if (since is { Length: > 0 })
        {
            if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                && parsed.Year is >= 2000 and <= 2100)
            {
                from = parsed.UtcDateTime;
            }
            else
            {
                QuestionApiBody.Add(errors, "since", "must be an ISO 8601 date or time, such as 2026-12-01 or 2026-12-01T08:00:00+07:00 (years 2000–2100).");
            }
        }

        var take = DefaultLimit;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            QuestionApiBody.Add(errors, "limit", $"must be a whole number from 1 to {MaxLimit}.");
        }

        QuestionCursor? after = null;
        if (cursor is { Length: > 0 })
        {
            if (QuestionCursor.TryParse(cursor, out var position))
            {
                after = position;
            }
            else
            {
                QuestionApiBody.Add(errors, "cursor", "use the 'next' address of the previous page.");
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(errors, null, "Tham số không hợp lệ (invalid query).");
        }

        var clientKey = QuestionApiClients.Key(User, site, catalog);
        if (clientKey is null)
        {
            return Forbid(ApiAuthentication.Scheme);
        }

        var (items, next) = await queries.ListAsync(clientKey, statuses, from, after, take, HttpContext.RequestAborted);
        var siteBase = SiteUrls.Base(HttpContext);
        string? nextUrl = null;
        if (next is { } n)
        {
            KeyValuePair<string, string?>[] parameters =
            [
                new("status", status), new("since", since), new("limit", limit), new("cursor", n.ToString()),
            ];
            var query = QueryString.Create(parameters.Where(p => p.Value is { Length: > 0 }));
            nextUrl = $"{Request.PathBase}/api/questions{query}";
        }

        Response.Headers.CacheControl = "no-store";
        return Ok(new QuestionApiPage([.. items.Select(i => QuestionApiStatus.From(i.Status, i.UpdatedUtc, siteBase))], nextUrl));
    }

    /// <summary>The body, at most <see cref="QuestionApiBody.MaxBytes"/>: a longer one is 413 without reading the rest.</summary>
    private async Task<(ReadOnlyMemory<byte> Bytes, IActionResult? Problem)> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > QuestionApiBody.MaxBytes)
        {
            return (default, TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > QuestionApiBody.MaxBytes)
                {
                    return (default, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (default, Problem(statusCode: ex.StatusCode, title: "Yêu cầu không đọc được (bad request).", detail: ex.Message));
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    private ObjectResult TooLarge() => Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Nội dung gửi lên quá lớn (payload too large).",
        detail: $"A question's body is at most {QuestionApiBody.MaxBytes / 1024} KB of JSON (the content itself at most {QuestionsModel.ContentLength:N0} characters).");

    private ActionResult Invalid(Dictionary<string, List<string>> errors, string? detail, string title = InvalidTitle)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return ValidationProblem(detail: detail, title: title, statusCode: StatusCodes.Status400BadRequest);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
