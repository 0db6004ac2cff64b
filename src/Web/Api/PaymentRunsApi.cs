using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Jobs;
using Placements.Web.Payments;
using Placements.Web.Security;
using Quartz;

namespace Placements.Web.Api;

/// <summary>
/// The monthly payment run as JSON, for ledgers and case-management systems: list the runs, read a month's, ask for a
/// month to be prepared (by the same scheduled job the pages use) and approve one. Every refusal is problem+json
/// (<see cref="ApiProblems"/>); nothing a caller sends can produce a 500.
/// </summary>
/// <remarks>
/// Callers sign in with the same cookie as the pages. Cross-site request forgery is shut out without an anti-forgery
/// token because every POST must say <c>Content-Type: application/json</c> (415 otherwise): a cross-site HTML form can
/// only send form or plain-text bodies, a cross-site script that sets that header needs a CORS preflight this app never
/// grants, and the cookie is SameSite=Lax, so a cross-site POST does not carry it anyway.
/// </remarks>
public static class PaymentRunsApi
{
    public const string Root = ApiProblems.Root + "/payment-runs";

    /// <summary>The longest approval note the run's history keeps (its column's size).</summary>
    public const int MaxNoteLength = 1000;

    public static RouteGroupBuilder MapPaymentRunsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Root).WithTags("Payment runs").RequireAuthorization(Policies.Finance)
            .AddEndpointFilter(RequireJsonOnPost);
        group.MapGet("/", ListAsync).WithName("ListPaymentRuns");
        group.MapGet("/{month}", GetAsync).WithName("GetPaymentRuns");
        group.MapGet("/{month}/preparation", GetPreparation).WithName("GetPaymentRunPreparation");
        group.MapPost("/{month}/prepare", (string month, ClaimsPrincipal user, PaymentOperations operations, CancellationToken cancellationToken) =>
            PrepareAsync(month, user.Identity?.Name, operations, cancellationToken)).WithName("PreparePaymentRun");
        // Both policies apply: the group's Finance and approval's own, which admits finance approvers only.
        group.MapPost("/{month}/approve", ApproveFromBodyAsync).WithName("ApprovePaymentRun").RequireAuthorization(Policies.FinanceApproval);
        return group;
    }

    /// <summary>Every run, oldest month first and a month's supplementary runs after its first.</summary>
    public static async Task<IResult> ListAsync(FinanceDb finance, CancellationToken cancellationToken)
    {
        // A run a month: a few dozen rows in years, so they are ordered here rather than through a value converter in SQL.
        var runs = await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.OrderBy(r => r.Month).ThenBy(r => r.Sequence).Select(PaymentRunSummary.From).ToList());
    }

    /// <summary>The month's runs (its first, then any supplementary runs); 404 when it has none.</summary>
    public static async Task<IResult> GetAsync(string month, FinanceDb finance, CancellationToken cancellationToken)
    {
        if (!TryMonth(month, out var parsed, out var bad)) return bad;
        var runs = await finance.PaymentRuns.AsNoTracking().Where(r => r.Month == parsed).ToListAsync(cancellationToken);
        return runs.Count == 0
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "NoPaymentRun", $"There is no payment run for {PaymentRun.Describe(parsed)}.")
            : TypedResults.Ok(runs.OrderBy(r => r.Sequence).Select(PaymentRunSummary.From).ToList());
    }

    /// <summary>
    /// How the month's latest preparation on this node stands (queued, computing, finished or failed, with the message the
    /// run page shows); 404 when this node has not prepared the month since it started. A preparation is one transaction,
    /// so until it commits this is the only place a failure can be seen.
    /// </summary>
    public static IResult GetPreparation(string month, PaymentRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!TryMonth(month, out var parsed, out var bad)) return bad;
        return progress.For(parsed) is { } state
            ? TypedResults.Ok(new PreparationStatus(FormatMonth(parsed), state.RequestedBy, state.Stage, state.Done, state.Total, state.Percent,
                state.Finished, state.Failed, state.Message))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "NoPreparation",
                $"{PaymentRun.Describe(parsed)} has not been prepared on this server since it started.");
    }

    /// <summary>
    /// Queues the month's preparation on the scheduled job (which runs it off the request, reporting progress to the run
    /// page) and answers 202 at once with where the run will be. A month that cannot be prepared is refused here with the
    /// use case's own rule, rather than accepted and then failing unseen in the job.
    /// </summary>
    public static async Task<IResult> PrepareAsync(string month, string? requestedBy, PaymentOperations operations, CancellationToken cancellationToken)
    {
        if (!TryMonth(month, out var parsed, out var bad)) return bad;
        if (string.IsNullOrEmpty(requestedBy))
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "NotSignedIn", "Sign in before preparing a payment run.");
        try
        {
            await operations.RequestPreparationAsync(parsed, requestedBy, cancellationToken);
        }
        catch (DomainRuleException refused)
        {
            return ApiProblems.Problem(refused.Rule == "JobsAreOff" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict,
                refused.Rule, refused.Message);
        }
        var at = $"{Root}/{FormatMonth(parsed)}";
        return TypedResults.Accepted(at, new PreparationQueued(FormatMonth(parsed), requestedBy, "Queued", $"{at}/preparation"));
    }

    /// <summary>Reads the approval from the JSON body (a body that is not that JSON is a 400, never a 500), then approves.</summary>
    private static async Task<IResult> ApproveFromBodyAsync(string month, HttpRequest request, ClaimsPrincipal user,
        PaymentOperations operations, ApprovePaymentRun approve, CancellationToken cancellationToken)
    {
        ApprovalRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<ApprovalRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "MalformedRequest",
                "The body must be JSON like {\"note\": \"Checked against the ledger\", \"version\": 3}.");
        }
        return await ApproveAsync(month, body, user.Identity?.Name, operations, approve, cancellationToken);
    }

    /// <summary>
    /// Approves the month's run as <paramref name="approverName"/> (a finance approver within their limit, not its
    /// preparer), provided it is still the <see cref="ApprovalRequest.Version"/> the caller read: 200 with the run, or the
    /// rule that refused it.
    /// </summary>
    public static async Task<IResult> ApproveAsync(string month, ApprovalRequest? body, string? approverName,
        PaymentOperations operations, ApprovePaymentRun approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(approve);
        if (!TryMonth(month, out var parsed, out var bad)) return bad;
        // The version is required here (the CLI may omit it): a system approving figures it never read is what it prevents.
        if (body?.Version is not { } version)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "VersionRequired",
                $"Give the run's \"version\" as you read it from GET {Root}/{FormatMonth(parsed)}, so that you approve the figures you saw.");
        if (body.Note is { Length: > MaxNoteLength })
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "NoteTooLong", $"The note must be {MaxNoteLength} characters or fewer.");
        if (string.IsNullOrEmpty(approverName))
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "NotSignedIn", "Sign in before approving a payment run.");
        try
        {
            var approver = await operations.ApproverAsync(approverName);
            var run = await approve.ApproveAsync(parsed, approver, body.Note, version, cancellationToken);
            return TypedResults.Ok(PaymentRunSummary.From(run));
        }
        catch (DomainRuleException refused)
        {
            return ApiProblems.Refused(refused);
        }
    }

    /// <summary>A month as the API writes it: <c>2026-04</c>.</summary>
    public static string FormatMonth(YearMonth month) => YearMonthPattern.Iso.Format(month);

    private static bool TryMonth(string text, out YearMonth month, out IResult bad)
    {
        var parsed = YearMonthPattern.Iso.Parse(text ?? "");
        month = parsed.Success ? parsed.Value : default;
        bad = ApiProblems.Problem(StatusCodes.Status400BadRequest, "MonthMustBeYearAndMonth",
            $"'{text}' is not a month: give it as YYYY-MM, like 2026-04.");
        return parsed.Success;
    }

    /// <summary>415 for a POST that is not JSON (shared by every API group).</summary>
    internal static async ValueTask<object?> RequireJsonOnPost(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && !request.HasJsonContentType())
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "JsonRequired",
                "Send POST requests with Content-Type: application/json (an empty object {} when there is nothing to say).");
        return await next(context);
    }
}

/// <summary>What an approval sends: an optional note for the run's history and the run's version as the caller read it.</summary>
public sealed record ApprovalRequest(string? Note, int? Version);

/// <summary>The answer to a preparation request: the month, who asked, that it is queued, and where to follow it.</summary>
public sealed record PreparationQueued(string Month, string RequestedBy, string Stage, string Progress);

/// <summary>A preparation's progress: placements computed of the total, and once finished whether it failed and why.</summary>
public sealed record PreparationStatus(string Month, string RequestedBy, string Stage, int Done, int Total, int Percent, bool Finished,
    bool Failed, string? Message);

/// <summary>
/// A payment run as the API shows it. Amounts are pounds as plain strings (<c>"1234.56"</c>, <c>"-12.50"</c>) so no
/// JSON number parser can turn them into floating point; times are ISO 8601 instants in UTC.
/// </summary>
public sealed record PaymentRunSummary(
    string Month, int Sequence, string Title, string Status, string Total, string HeldTotal, int LineCount, int ProblemCount,
    int Version, string PreparedBy, string PreparedAt, string? FirstApprovedBy, string? FirstApprovedAt,
    string? ApprovedBy, string? ApprovedAt, string? ExportedBy, string? ExportedAt, string Page)
{
    public static PaymentRunSummary From(PaymentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var month = PaymentRunsApi.FormatMonth(run.Month);
        return new(month, run.Sequence, run.Title, run.Status.ToString(), run.Total.ToPlainString(), run.HeldTotal.ToPlainString(),
            run.LineCount, run.ProblemCount, run.Version, run.PreparedBy, Time(run.PreparedAt), run.FirstApprovedBy, Time(run.FirstApprovedAt),
            run.ApprovedBy, Time(run.ApprovedAt), run.ExportedBy, Time(run.ExportedAt),
            string.Create(CultureInfo.InvariantCulture, $"/Payments/Run/{month}/{run.Sequence}"));
    }

    private static string Time(Instant at) => InstantPattern.ExtendedIso.Format(at);

    private static string? Time(Instant? at) => at is { } value ? Time(value) : null;
}
