using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Budgets;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Payments.Calculation;
using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>The council's own settings for payment runs.</summary>
/// <param name="CouncilLaCode">Only placements this council is responsible for are paid.</param>
/// <param name="FirstMonth">The first month paid by this product (<c>Payments:FirstMonth</c>); null: the first run's month.</param>
public sealed record PaymentSettings(string CouncilLaCode, YearMonth? FirstMonth);

/// <summary>
/// Everything a run reads, loaded in a few set-based queries (a county has up to 100,000 placements): the placements the
/// council pays by schedule, their funding rows, the band table, each provider's pro-rata basis, the term calendar, and
/// what approved runs have paid; and the approved invoice lines not yet paid. Fee-paid placements (independent special
/// schools, and any placement with an individual placement agreement) are paid against those invoices instead.
/// </summary>
public sealed class PaymentRunInputs
{
    public required IReadOnlyList<PlacementToPay> Placements { get; init; }
    public required IReadOnlyDictionary<int, PaidSoFar> Paid { get; init; }
    public required TopUpSettings Settings { get; init; }
    /// <summary>Approved invoice lines no run has taken yet: paid as Fee lines.</summary>
    public required IReadOnlyList<ApprovedInvoiceLine> Fees { get; init; }

    public PaidSoFar PaidTo(int placementId) => Paid.GetValueOrDefault(placementId) ?? PaidSoFar.Nothing;

    /// <param name="lastApprovedAt">When the latest run was approved: holds released since then are named in the next run's reasons.</param>
    public static async Task<PaymentRunInputs> LoadAsync(CommissioningDb commissioning, FinanceDb finance, YearMonth month,
        string councilLaCode, YearMonth goLiveMonth, Instant? lastApprovedAt, CancellationToken cancellationToken)
    {
        var runEnd = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        // A placement with an individual placement agreement is fee-paid, against invoices, whatever its provision type.
        var feePaid = (await finance.PlacementAgreements.Select(a => a.PlacementId).ToListAsync(cancellationToken)).ToHashSet();
        var rows = (await PlacementsPaidBySchedule(commissioning, runEnd, councilLaCode).ToListAsync(cancellationToken))
            .Where(r => !feePaid.Contains(r.Id)).ToList();

        var funding = (await finance.PlacementFunding.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(f => f.PlacementId, f => f.ToRow());
        var basis = await finance.ProviderFundingTerms.AsNoTracking()
            .ToDictionaryAsync(t => t.ProviderId, t => t.ProRataBasis, cancellationToken);
        var bands = TopUpBandTable.From(await finance.TopUpBands.AsNoTracking().ToListAsync(cancellationToken));
        var calendar = new TermCalendar(
            await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
            await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));

        var placements = rows.Select(r => new PlacementToPay(r.Id, r.ProviderId, r.Provider, r.Child, Initials(r.GivenName, r.FamilyName),
                S251Line.ForTopUp(r.ProvisionType),
                new TopUpPlacement(r.Reference, r.ProvisionType, r.Start, r.End, funding[r.Id], basis.GetValueOrDefault(r.ProviderId, ProRataBasis.Monthly))))
            .ToList();
        var paid = await PaidAsync(finance, lastApprovedAt, cancellationToken);
        return new PaymentRunInputs
        {
            Placements = placements,
            Paid = paid,
            Settings = new TopUpSettings(bands, calendar, goLiveMonth),
            Fees = await FeesToPayAsync(finance, paid, cancellationToken),
        };
    }

    /// <summary>
    /// Approved (in full or in part) invoice lines that no run has taken: the unique <see cref="Invoices.InvoicePayment"/>
    /// row per line is what makes a line paid once. A recomputed draft has deleted its own rows first.
    /// </summary>
    private static async Task<IReadOnlyList<ApprovedInvoiceLine>> FeesToPayAsync(FinanceDb finance, IReadOnlyDictionary<int, PaidSoFar> paid,
        CancellationToken cancellationToken)
    {
        var rows = await (
            from line in finance.InvoiceLines.AsNoTracking()
            where (line.Status == Invoices.InvoiceLineStatus.Approved || line.Status == Invoices.InvoiceLineStatus.PartlyApproved)
                  && line.ApprovedAmount != null
                  && !finance.InvoicePayments.Any(p => p.InvoiceLineId == line.Id)
            join invoice in finance.Invoices on line.InvoiceId equals invoice.Id
            select new { line.Id, line.PlacementId, line.PlacementReference, invoice.ProviderId, invoice.ProviderReference, line.ChildReference,
                line.ChildInitials, invoice.Number, line.PeriodStart, line.PeriodEnd, Amount = line.ApprovedAmount!.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ApprovedInvoiceLine(r.Id, r.PlacementId, r.PlacementReference, r.ProviderId, r.ProviderReference,
                r.ChildReference, r.ChildInitials, r.Number, r.PeriodStart, r.PeriodEnd, r.Amount,
                paid.GetValueOrDefault(r.PlacementId)?.ActiveHoldId))
            .ToList();
    }

    /// <summary>A placement as the run reads it: its dates, provider and child (names only to make initials).</summary>
    public sealed record PlacementRow(int Id, string Reference, int ProviderId, string Provider, ProvisionType ProvisionType,
        LocalDate Start, LocalDate? End, string Child, string GivenName, string FamilyName);

    /// <summary>
    /// The placements a run for the month ending <paramref name="runEnd"/> reads: agreed or ended, this council's, started
    /// by then, not at an independent special school (fee-paid, against invoices). The benchmark's floor reads the same.
    /// </summary>
    public static IQueryable<PlacementRow> PlacementsPaidBySchedule(CommissioningDb commissioning, LocalDate runEnd, string councilLaCode)
    {
        ArgumentNullException.ThrowIfNull(commissioning);
        return from p in commissioning.Placements.AsNoTracking()
               where p.Status != PlacementStatus.Proposed && p.ResponsibleLa == councilLaCode && p.Start <= runEnd
               join provider in commissioning.Providers on p.ProviderId equals provider.Id
               where provider.ProvisionType != ProvisionType.IndependentSpecial
               join child in commissioning.Children on p.ChildId equals child.Id
               select new PlacementRow(p.Id, p.Reference, p.ProviderId, provider.Reference, provider.ProvisionType, p.Start, p.End,
                   child.Reference, child.GivenName, child.FamilyName);
    }

    /// <summary>Initials only: remittances, exports and logs never carry a child's name.</summary>
    public static string Initials(string givenName, string familyName) =>
        $"{First(givenName)}{First(familyName)}";

    private static string First(string name) => string.IsNullOrWhiteSpace(name) ? "" : char.ToUpperInvariant(name.Trim()[0]).ToString();

    // Sums are done by the database over integer pence; identifiers are double-quoted, which all three databases accept.
    // "Paid" is PaymentRun.Approved's rule: lines of approved or exported runs, held lines never. Fees are paid against
    // invoices, not against the top-up entitlement, so they never count towards it.
    private const string PaidSql = """
        SELECT l."PlacementId" AS "PlacementId", l."FinancialYear" AS "FinancialYear", CAST(SUM(l."Amount") AS BIGINT) AS "Pence"
        FROM "PaymentLines" l JOIN "PaymentRuns" r ON r."Id" = l."PaymentRunId"
        WHERE r."Status" IN ('Approved', 'Exported') AND l."HoldId" IS NULL AND l."Kind" <> 'Fee'
        GROUP BY l."PlacementId", l."FinancialYear"
        """;

    private const string LastTopUpSql = """
        SELECT l."PlacementId" AS "PlacementId", MAX(r."Month") AS "Month"
        FROM "PaymentLines" l JOIN "PaymentRuns" r ON r."Id" = l."PaymentRunId"
        WHERE r."Status" IN ('Approved', 'Exported') AND l."HoldId" IS NULL AND l."Kind" = 'TopUp'
        GROUP BY l."PlacementId"
        """;

    private sealed record PaidRow(int PlacementId, int FinancialYear, long Pence);

    private sealed record LastTopUpRow(int PlacementId, string Month);

    private static async Task<IReadOnlyDictionary<int, PaidSoFar>> PaidAsync(FinanceDb finance, Instant? lastApprovedAt, CancellationToken cancellationToken)
    {
        var paid = await finance.Database.SqlQueryRaw<PaidRow>(PaidSql).ToListAsync(cancellationToken);
        var lastTopUp = (await finance.Database.SqlQueryRaw<LastTopUpRow>(LastTopUpSql).ToListAsync(cancellationToken))
            .ToDictionary(r => r.PlacementId, r => NodaTime.Text.YearMonthPattern.Iso.Parse(r.Month).Value);
        var holds = await finance.PaymentHolds.AsNoTracking().Where(h => h.ReleasedAt == null || h.ReleasedAt > lastApprovedAt || lastApprovedAt == null)
            .ToListAsync(cancellationToken);
        var active = holds.Where(h => h.IsActive).GroupBy(h => h.PlacementId).ToDictionary(g => g.Key, g => g.First().Id);
        var released = holds.Where(h => !h.IsActive).GroupBy(h => h.PlacementId).ToDictionary(g => g.Key, g => g.Last().Reason);

        var byPlacement = paid.GroupBy(r => r.PlacementId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<FinancialYear, Money>)g.ToDictionary(r => new FinancialYear(r.FinancialYear), r => new Money(r.Pence)));
        var ids = byPlacement.Keys.Concat(active.Keys).Concat(released.Keys).ToHashSet();
        return ids.ToDictionary(id => id, id => new PaidSoFar(
            byPlacement.GetValueOrDefault(id) ?? new Dictionary<FinancialYear, Money>(),
            lastTopUp.TryGetValue(id, out var m) ? m : null,
            active.TryGetValue(id, out var hold) ? hold : null,
            released.GetValueOrDefault(id)));
    }
}
