using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Security;

namespace Placements.Web.Api;

/// <summary>
/// Provider invoices as JSON, for e-invoicing portals and ledgers: record an invoice or credit note (all of it or none,
/// every error listed), read one, and approve its lines (a finance approver who did not record it). Refusals are
/// problem+json (<see cref="ApiProblems"/>); a draft's errors are listed in the problem's <c>errors</c> member, each with
/// the field, the line and the rule, as the form shows them. POSTs must be JSON (see <see cref="PaymentRunsApi"/> on why
/// that shuts out cross-site forgery).
/// </summary>
public static class InvoicesApi
{
    public const string Root = ApiProblems.Root + "/invoices";

    public static RouteGroupBuilder MapInvoicesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Root).WithTags("Invoices").RequireAuthorization(Policies.Finance)
            .AddEndpointFilter(PaymentRunsApi.RequireJsonOnPost);
        group.MapGet("/{id:int}", GetAsync).WithName("GetInvoice");
        group.MapPost("/", RecordAsync).WithName("RecordInvoice");
        group.MapPost("/{id:int}/approve", ApproveAsync).WithName("ApproveInvoice").RequireAuthorization(Policies.FinanceApproval);
        return group;
    }

    /// <summary>The invoice with its lines and their match; 404 when there is none.</summary>
    public static async Task<IResult> GetAsync(int id, FinanceDb finance, CancellationToken cancellationToken)
    {
        var invoice = await finance.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return invoice is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "UnknownInvoice", $"There is no invoice {id}.")
            : TypedResults.Ok(InvoiceResource.From(invoice));
    }

    /// <summary>Records the invoice in the body: 201 with it (its lines matched), or 400 with every error and nothing written.</summary>
    public static async Task<IResult> RecordAsync(HttpRequest request, ClaimsPrincipal user, RecordInvoice record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(record);
        InvoiceRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<InvoiceRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "MalformedRequest",
                "The body must be a JSON invoice: {\"providerRef\", \"number\", \"invoiceDate\", \"receivedDate\", \"lines\": [{\"childRef\", \"periodStart\", \"periodEnd\", \"amount\"}]}.");
        var (draft, errors) = body.ToDraft();
        if (errors.Count > 0) return Rejected(errors);
        try
        {
            var invoice = await record.RecordAsync(draft!, user.Identity?.Name ?? "api", cancellationToken);
            return TypedResults.Created($"{Root}/{invoice.Id}", InvoiceResource.From(invoice));
        }
        catch (InvoiceRejectedException rejected)
        {
            return Rejected(rejected.Errors);
        }
    }

    /// <summary>
    /// Approves the lines listed in the body (amount and, when partial, a note), or with an empty body every line ready to
    /// approve, in full. The recorder cannot approve (403); a line that cannot be approved is a 409 naming its rule.
    /// </summary>
    public static async Task<IResult> ApproveAsync(int id, HttpRequest request, ClaimsPrincipal user, FinanceDb finance, ApproveInvoice approve,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(finance);
        ArgumentNullException.ThrowIfNull(approve);
        InvoiceApprovalRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<InvoiceApprovalRequest>(cancellationToken);
        }
        catch (JsonException)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "MalformedRequest",
                "The body must be JSON like {\"lines\": [{\"lineId\": 12, \"amount\": \"1250.00\", \"note\": \"…\"}]}, or {} to approve every ready line.");
        }
        var approvals = new List<LineApproval>();
        foreach (var line in body?.Lines ?? [])
        {
            if (!Money.TryParse(line.Amount, out var amount, out var error))
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "AmountMustBePounds", $"Line {line.LineId}: {error}");
            approvals.Add(new LineApproval(line.LineId, amount, line.Note));
        }
        if (approvals.Count == 0)
        {
            approvals = await finance.InvoiceLines.AsNoTracking()
                .Where(l => l.InvoiceId == id && l.Status == InvoiceLineStatus.ReadyToApprove)
                .Select(l => new LineApproval(l.Id, l.NetInvoiced, null)).ToListAsync(cancellationToken);
            if (approvals.Count == 0 && await finance.Invoices.AnyAsync(i => i.Id == id, cancellationToken))
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "NothingReadyToApprove",
                    $"Invoice {id} has no line ready to approve: list the lines to approve (in part, with a note) in the body.");
        }
        try
        {
            var invoice = await approve.ApproveAsync(id, approvals, user.Identity?.Name ?? "", cancellationToken);
            return TypedResults.Ok(InvoiceResource.From(invoice));
        }
        catch (DomainRuleException refused) when (refused.Rule == "UnknownInvoice")
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, refused.Rule, refused.Message);
        }
        catch (DomainRuleException refused)
        {
            return ApiProblems.Refused(refused);
        }
    }

    private static IResult Rejected(IReadOnlyList<InvoiceError> errors) =>
        TypedResults.Problem(
            detail: $"The invoice was not recorded: {errors.Count} error(s).", statusCode: StatusCodes.Status400BadRequest,
            title: errors.Count == 1 ? errors[0].Rule : "InvoiceRejected",
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { e.Field, e.Line, e.Rule, e.Message }).ToList() });
}

/// <summary>An invoice or credit note as an integration sends it. Dates ISO (<c>2026-09-01</c>); amounts pounds as strings.</summary>
public sealed record InvoiceRequest(
    string? ProviderRef, string? Number, string? Kind, string? InvoiceDate, string? ReceivedDate, string? CreditsInvoice,
    IReadOnlyList<InvoiceLineRequest>? Lines)
{
    /// <summary>The draft, or every format error (the use case then checks the rules).</summary>
    public (InvoiceDraft? Draft, IReadOnlyList<InvoiceError> Errors) ToDraft()
    {
        var errors = new List<InvoiceError>();
        LocalDate Date(string? text, string field, int? line)
        {
            var parsed = LocalDatePattern.Iso.Parse(text ?? "");
            if (parsed.Success) return parsed.Value;
            errors.Add(new InvoiceError(field, line, "DateMustBeIso", $"{field}: '{text}' is not a date; give it as YYYY-MM-DD."));
            return default;
        }
        var kind = InvoiceKind.Invoice;
        if (Kind is { Length: > 0 } && !Enum.TryParse(Kind, ignoreCase: false, out kind))
            errors.Add(new InvoiceError("kind", null, "UnknownKind", $"kind: '{Kind}' is not Invoice or CreditNote."));
        var invoiceDate = Date(InvoiceDate, "invoiceDate", null);
        var receivedDate = Date(ReceivedDate, "receivedDate", null);
        var lines = new List<InvoiceLineDraft>();
        foreach (var (line, i) in (Lines ?? []).Select((l, i) => (l, i + 1)))
        {
            var start = Date(line.PeriodStart, "periodStart", i);
            var end = Date(line.PeriodEnd, "periodEnd", i);
            if (!Money.TryParse(line.Amount, out var amount, out var error))
                errors.Add(new InvoiceError("amount", i, "AmountMustBePounds", $"amount: {error}"));
            lines.Add(new InvoiceLineDraft(line.ChildRef ?? "", line.PlacementRef, start, end, amount, line.Description, line.DuplicateOverrideReason, i));
        }
        return errors.Count > 0
            ? (null, errors)
            : (new InvoiceDraft(ProviderRef ?? "", Number ?? "", kind, invoiceDate, receivedDate, CreditsInvoice, lines, "api"), errors);
    }
}

/// <summary>One line of an <see cref="InvoiceRequest"/>.</summary>
public sealed record InvoiceLineRequest(
    string? ChildRef, string? PlacementRef, string? PeriodStart, string? PeriodEnd, string? Amount, string? Description, string? DuplicateOverrideReason);

/// <summary>What an approval sends: the lines and amounts to approve; none = every ready line, in full.</summary>
public sealed record InvoiceApprovalRequest(IReadOnlyList<LineApprovalRequest>? Lines);

/// <summary>One line to approve: its id, the amount (pounds as a string) and, when less than invoiced, why.</summary>
public sealed record LineApprovalRequest(long LineId, string? Amount, string? Note);

/// <summary>An invoice as the API shows it: providers and children by reference (children's initials, never names).</summary>
public sealed record InvoiceResource(
    int Id, string ProviderRef, string Number, string Kind, string InvoiceDate, string ReceivedOn, string DueOn, string Total, string RecordedBy,
    IReadOnlyList<InvoiceLineResource> Lines, string Page)
{
    public static InvoiceResource From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.Id, invoice.ProviderReference, invoice.Number, invoice.Kind.ToString(), Iso(invoice.InvoiceDate), Iso(invoice.ReceivedOn),
            Iso(invoice.DueOn), invoice.Total.ToPlainString(), invoice.RecordedBy,
            invoice.Lines.OrderBy(l => l.LineNumber).Select(l => new InvoiceLineResource(
                l.Id, l.LineNumber, l.PlacementReference, l.ChildReference, l.ChildInitials, Iso(l.PeriodStart), Iso(l.PeriodEnd),
                l.Amount.ToPlainString(), l.NetInvoiced.ToPlainString(), l.Expected?.ToPlainString(), l.Variance?.ToPlainString(), l.Status.ToString(),
                l.QueryReason, l.ApprovedAmount?.ToPlainString(), l.ApprovedBy, l.PaidOn is { } paid ? Iso(paid) : null)).ToList(),
            $"/Invoices/{invoice.Id}");
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

/// <summary>An invoice line as the API shows it.</summary>
public sealed record InvoiceLineResource(
    long LineId, int LineNumber, string PlacementRef, string ChildRef, string ChildInitials, string PeriodStart, string PeriodEnd, string Amount,
    string NetInvoiced, string? Expected, string? Variance, string Status, string? QueryReason, string? ApprovedAmount, string? ApprovedBy, string? PaidOn);
