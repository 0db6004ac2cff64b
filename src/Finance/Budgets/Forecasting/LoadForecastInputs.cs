using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Funding;
using Placements.Finance.Funding.Entitlement;
using Placements.Finance.Invoices;
using Placements.Finance.Payments;
using Placements.Finance.Payments.Calculation;
using Placements.Finance.Persistence;
using Placements.Finance.Reports;

namespace Placements.Finance.Budgets.Forecasting;

/// <summary>The council's settings for budget monitoring.</summary>
/// <param name="CouncilLaCode">Only placements this council is responsible for are its cost.</param>
/// <param name="FirstMonth">The first month paid through Placements (<c>Payments:FirstMonth</c>): the top-up entitlement counts from it.</param>
/// <param name="Rag">The RAG thresholds (<c>Budgets:AmberAbovePercent</c>, <c>Budgets:RedAbovePercent</c>).</param>
/// <param name="LastNcy">The last NCY a school takes a young person to when the provider gives no age range (default 14: leaving at 19).</param>
/// <param name="Post16LastNcy">The same for colleges and specialist post-16 institutions (default 20: leaving at 25).</param>
public sealed record BudgetSettings(string CouncilLaCode, YearMonth? FirstMonth, RagThresholds Rag, int LastNcy = 14, int Post16LastNcy = 20);

/// <summary>
/// Loads what the forecast of a financial year on a date reads, in a few set-based queries (a county may have 100,000
/// placements): the council's placements touching the year or the trend's 12 months, their funding rows or agreements,
/// what approved runs and invoices paid for the year by the date, the budgets, the place funding and the monthly actuals.
/// </summary>
public sealed class LoadForecastInputs(CommissioningDb commissioning, FinanceDb finance)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public async Task<ForecastInputs> LoadAsync(FinancialYear year, LocalDate asAt, BudgetSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Approved by the end of the forecast date (UK time): a forecast for an earlier date reads what was known then.
        var cutoff = asAt.PlusDays(1).AtStartOfDayInZone(London).ToInstant();
        var windowStart = asAt.PlusMonths(-12);
        var earliest = windowStart < year.Start ? windowStart : year.Start;

        var rows = await (
            from p in commissioning.Placements.AsNoTracking()
            where p.ResponsibleLa == settings.CouncilLaCode && p.Start <= year.End && (p.End == null || p.End >= earliest)
            join provider in commissioning.Providers on p.ProviderId equals provider.Id
            join child in commissioning.Children on p.ChildId equals child.Id
            select new
            {
                p.Id, p.Reference, p.Start, p.End, p.Status, p.Attendance, ProviderId = provider.Id, Provider = provider.Reference,
                provider.ProvisionType, provider.AgeTo, Child = child.Reference, child.GivenName, child.FamilyName, child.DateOfBirth,
            }).ToListAsync(cancellationToken);

        var agreements = (await finance.PlacementAgreements.AsNoTracking().Include(a => a.Fees).Include(a => a.Extras).AsSplitQuery().ToListAsync(cancellationToken))
            .ToDictionary(a => a.PlacementId);
        // Only the columns the calculation reads (a county has a row or more per placement).
        var funding = (await finance.PlacementFunding.AsNoTracking()
                .Select(f => new { f.PlacementId, f.EffectiveFrom, f.Band, f.AgreedAnnualAmount }).ToListAsync(cancellationToken))
            .ToLookup(f => f.PlacementId, f => new TopUpFundingRow(f.EffectiveFrom, f.Band, f.AgreedAnnualAmount));
        var basis = await finance.ProviderFundingTerms.AsNoTracking().ToDictionaryAsync(t => t.ProviderId, t => t.ProRataBasis, cancellationToken);
        var bands = TopUpBandTable.From(await finance.TopUpBands.AsNoTracking().ToListAsync(cancellationToken));
        var calendar = new TermCalendar(
            await commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
            await commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));

        var pending = (await finance.Referrals.AsNoTracking().Where(x => x.Status != PooledFunding.ReferralStatus.Decided)
                .Select(x => new { x.PlacementId, x.EducationCost, x.CareCost, x.HealthCost }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.PlacementId, x => x.EducationCost + x.CareCost + x.HealthCost);
        var runs = (await finance.PaymentRuns.AsNoTracking().ToListAsync(cancellationToken));
        var goLive = settings.FirstMonth ?? runs.Select(r => (YearMonth?)r.Month).Min() ?? new YearMonth(year.StartYear, 4);
        var approvedRuns = runs.Where(r => r.IsApproved && r.ApprovedAt <= cutoff).ToDictionary(r => r.Id, r => r.Month);
        var (paidByPlacement, paidByRunAndLine) = await TopUpsPaidAsync(year, approvedRuns.Keys, cancellationToken);
        var invoices = await InvoicesApprovedAsync(year, cutoff, cancellationToken);

        var forecastPlacements = new List<ForecastPlacement>();
        var starts = new List<PlacementStart>();
        foreach (var r in rows)
        {
            var stage = r.Status == PlacementStatus.Proposed ? PlacementStage.Proposed
                : r.Start > asAt ? PlacementStage.NotStarted
                : r.End < asAt ? PlacementStage.Ended
                : PlacementStage.Active;
            agreements.TryGetValue(r.Id, out var agreement);
            var feePaid = agreement is not null || r.ProvisionType == ProvisionType.IndependentSpecial;
            var topUp = feePaid ? null
                : new TopUpPlacement(r.Reference, r.ProvisionType, r.Start, r.End, funding[r.Id], basis.GetValueOrDefault(r.ProviderId, ProRataBasis.Monthly));
            // A case waiting for the Joint Resources Panel is expected demand at its proposed cost (the whole cost: the
            // split is the panel's to decide), paid as the council pays it: monthly, from its start.
            if (stage == PlacementStage.Proposed && pending.TryGetValue(r.Id, out var proposedCost) && agreement is null && !funding[r.Id].Any())
            {
                topUp = new TopUpPlacement(r.Reference, r.ProvisionType, r.Start, r.End, [TopUpFundingRow.ByAgreedAmount(r.Start, proposedCost)]);
                feePaid = false;
            }
            // Money counts in the year its period starts in (as the run pays it); cover, for every day of the year an
            // approved invoice already charged, e.g. a spring term running past 31 March into this year.
            var invoiced = invoices[r.Id].Where(i => year.Contains(i.PeriodStart)).ToList();
            var covered = invoices[r.Id].Where(i => !i.IsCredit).Select(i => new DateInterval(i.PeriodStart, i.PeriodEnd)).ToList();
            var placement = new ForecastPlacement(r.Id, r.Reference, r.Provider, r.Child, PaymentRunInputs.Initials(r.GivenName, r.FamilyName),
                r.ProvisionType, feePaid ? FeeLines.S251Line : S251Line.ForTopUp(r.ProvisionType), stage, r.Start, r.End, topUp,
                agreement?.ToTerms(r.Start, r.End, r.Attendance),
                feePaid ? Money.Sum(invoiced.Select(i => i.Amount)) : paidByPlacement.GetValueOrDefault(r.Id),
                covered,
                Money.Sum(invoiced.Where(i => i.Expected is { } e && i.Amount > e).Select(i => i.Amount - i.Expected!.Value)),
                r.DateOfBirth, LastNcy(r.AgeTo, r.ProvisionType, settings));
            if (r.Start <= year.End && (r.End is null || r.End >= year.Start)) forecastPlacements.Add(placement);
            if (r.Status != PlacementStatus.Proposed && r.Start > windowStart && r.Start <= asAt)
                starts.Add(new PlacementStart(placement.S251Line, r.ProvisionType, r.Start, HighNeedsForecast.AnnualRateOn(placement, r.Start, bands)));
        }

        var monthly = paidByRunAndLine.Select(p => new MonthlyActual(approvedRuns[p.RunId], p.S251Line, new Money(p.Pence)))
            .Concat(invoices.SelectMany(g => g).Where(i => year.Contains(i.PeriodStart))
                .Select(i => new MonthlyActual(i.ApprovedAt.InZone(London).Date.ToYearMonth(), FeeLines.S251Line, i.Amount)))
            .ToList();
        var budgets = (await finance.BudgetLines.AsNoTracking().Where(b => b.FinancialYear == year).ToListAsync(cancellationToken))
            .ToDictionary(b => b.S251LineCode, b => b.Amount);
        Money? placeFunding;
        try
        {
            placeFunding = (await new PlaceFundingReport(commissioning, finance).LoadAsync(year, settings.CouncilLaCode, cancellationToken)).CouncilS251Total;
        }
        catch (Commissioning.DomainRuleException)
        {
            placeFunding = null; // e.g. no place rate: the line is then held at budget and the page says so
        }

        return new ForecastInputs(year, asAt, forecastPlacements, new TopUpSettings(bands, calendar, goLive), budgets, placeFunding, starts, monthly);
    }

    private static int LastNcy(int? ageTo, ProvisionType type, BudgetSettings settings) =>
        ageTo is { } age ? age - 4
        : type is ProvisionType.FurtherEducation or ProvisionType.SpecialPost16 ? settings.Post16LastNcy
        : settings.LastNcy;

    private sealed record PaidRow(int PlacementId, long Pence);

    private sealed record RunLineRow(int RunId, string S251Line, long Pence);

    /// <summary>
    /// Top-ups and adjustments of the approved runs for the year, per placement and per run and line (summed by the
    /// database over integer pence). Fees are not counted here: they are the approved invoice lines, counted once there.
    /// </summary>
    private async Task<(Dictionary<int, Money>, List<RunLineRow>)> TopUpsPaidAsync(FinancialYear year, IEnumerable<int> runIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(",", runIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (ids.Length == 0) return ([], []);
        var where = $"""WHERE l."PaymentRunId" IN ({ids}) AND l."FinancialYear" = {year.StartYear} AND l."HoldId" IS NULL AND l."Kind" <> 'Fee'""";
        // Only integers (run ids and a year) are written into the SQL, so nothing can be injected.
        var placementSql = $"""SELECT l."PlacementId" AS "PlacementId", CAST(SUM(l."Amount") AS BIGINT) AS "Pence" FROM "PaymentLines" l {where} GROUP BY l."PlacementId" """;
        var runSql = $"""SELECT l."PaymentRunId" AS "RunId", l."S251Line" AS "S251Line", CAST(SUM(l."Amount") AS BIGINT) AS "Pence" FROM "PaymentLines" l {where} GROUP BY l."PaymentRunId", l."S251Line" """;
        var byPlacement = await finance.Database.SqlQueryRaw<PaidRow>(placementSql).ToListAsync(cancellationToken);
        var byRun = await finance.Database.SqlQueryRaw<RunLineRow>(runSql).ToListAsync(cancellationToken);
        return (byPlacement.ToDictionary(p => p.PlacementId, p => new Money(p.Pence)), byRun);
    }

    private sealed record InvoiceActual(int PlacementId, LocalDate PeriodStart, LocalDate PeriodEnd, Money Amount, Money? Expected, bool IsCredit, Instant ApprovedAt);

    /// <summary>
    /// Invoice lines approved (in full or part) by the cutoff whose period touches the year. Those starting in the year are
    /// its actuals (the year a fee belongs to, as the run pays it); one starting earlier only covers its days in the year.
    /// </summary>
    private async Task<ILookup<int, InvoiceActual>> InvoicesApprovedAsync(FinancialYear year, Instant cutoff, CancellationToken cancellationToken)
    {
        var lines = await finance.InvoiceLines.AsNoTracking()
            .Where(l => (l.Status == InvoiceLineStatus.Approved || l.Status == InvoiceLineStatus.PartlyApproved) && l.ApprovedAmount != null
                        && l.PeriodStart <= year.End && l.PeriodEnd >= year.Start)
            .Select(l => new { l.PlacementId, l.PeriodStart, l.PeriodEnd, l.ApprovedAmount, l.Expected, l.CreditsLineId, l.ApprovedAt })
            .ToListAsync(cancellationToken);
        return lines.Where(l => l.ApprovedAt <= cutoff)
            .Select(l => new InvoiceActual(l.PlacementId, l.PeriodStart, l.PeriodEnd, l.ApprovedAmount!.Value, l.Expected, l.CreditsLineId is not null, l.ApprovedAt!.Value))
            .ToLookup(l => l.PlacementId);
    }
}
