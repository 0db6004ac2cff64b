using Placements.Commissioning;

namespace Placements.Web.Api;

/// <summary>
/// How the JSON API refuses: always <c>application/problem+json</c> (RFC 9457) whose <c>title</c> is the rule's name, so
/// an integration can tell refusals apart without parsing prose, and whose <c>detail</c> is the sentence a person reads.
/// </summary>
public static class ApiProblems
{
    /// <summary>The path every API endpoint lives under; sign-in and access refusals there are problems, not redirects.</summary>
    public const string Root = "/api";

    /// <summary>Domain rules that refuse the person rather than the state of the run: 403 Forbidden.</summary>
    private static readonly HashSet<string> RefusedToThisUser = new(StringComparer.Ordinal)
    {
        "PreparerCannotApprove", "ApproverNeedsALimit", "SecondApproverMustDiffer", "SecondApproverLimitMustCoverTotal",
        "ApproverMustBeAFinanceApprover", "RecorderCannotApprove",
    };

    /// <summary>Whether <paramref name="request"/> is for the API (a browser page never is).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);

    /// <summary>A refusal by a named rule with the status it deserves.</summary>
    public static IResult Refused(DomainRuleException refused) =>
        Problem(StatusFor(refused.Rule), refused.Rule, refused.Message);

    /// <summary>
    /// 403 when the rule is about who is acting (segregation of duties, limits); otherwise 409 Conflict: the request was
    /// well formed, but the run is not in a state that allows it (nothing to approve, not awaiting approval, changed since
    /// it was read, a month already closed).
    /// </summary>
    public static int StatusFor(string rule) =>
        RefusedToThisUser.Contains(rule) ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Writes a problem outside an endpoint (the sign-in cookie's events).</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string detail) =>
        Problem(status, title, detail).ExecuteAsync(http);
}
